using System.Reflection;

namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>The repository these tests were built from: its photos, the service they start, the artifacts folder.</summary>
internal static class Repo
{
    public const string SolutionFile = "FaceGuardAnalysis.sln";

    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the configuration these tests (and so the service they reference) were built in.</summary>
    public static string Configuration { get; } =
        typeof(Repo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string Photo(string name) => Path.Combine(Root, "data", "images", "photos", name);

    public static byte[] PhotoBytes(string name) => File.ReadAllBytes(Photo(name));

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
    public static string Artifacts(params string[] parts)
    {
        string path = Path.Combine([Root, "artifacts", .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains {SolutionFile}.");
    }
}
