using System.Reflection;

namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>The repository these tests were built from: its photos, the service they start, the artifacts folder.</summary>
internal static class Repo
{
    public static string Root => FaceGuard.Testing.RepositoryFiles.Root;

    /// <summary>Release or Debug: the configuration these tests (and so the service they reference) were built in.</summary>
    public static string Configuration { get; } =
        typeof(Repo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string Photo(string name) => FaceGuard.Testing.RepositoryFiles.Photo(name);

    public static byte[] PhotoBytes(string name) => FaceGuard.Testing.RepositoryFiles.PhotoBytes(name);

    /// <summary>The service as `dotnet build` left it, with its own deps.json and runtimeconfig.json beside it.</summary>
    public static string ServiceAssembly
    {
        get
        {
            var version = new System.Runtime.Versioning.FrameworkName(typeof(Repo).Assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()!.FrameworkName).Version;
            string framework = $"net{version.Major}.{version.Minor}"; // the same as the service's
            string path = Path.Combine(Root, "src", "FaceGuard.Service", "bin", Configuration, framework, "FaceGuard.Service.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The service is not built at {path}; run `dotnet build tests/FaceGuard.Reliability.Tests -c {Configuration}`.", path);
        }
    }

    /// <summary>artifacts/reliability: run logs, fuzz findings; artifacts/ itself holds the summary.</summary>
    public static string Artifacts(params string[] parts) => FaceGuard.Testing.RepositoryFiles.Artifacts(parts);
}
