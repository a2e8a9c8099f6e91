using System.Globalization;
using System.Reflection;

namespace FaceGuard.Analysis.Interactive;

/// <summary>
/// Which build of FaceGuard.Analysis a notebook runs, shown when the package loads, and why it may be stale: sources
/// changed after the build, or a newer build sitting in the feed that this kernel has not loaded.
/// </summary>
/// <param name="Version">The package version, e.g. 0.1.0-dev.20260101120000 (the pack time, UTC).</param>
/// <param name="Commit">The git commit it was built from, when the build knew it.</param>
/// <param name="StaleReasons">Empty when nothing suggests a rebuild.</param>
public sealed record BuildInfo(string Version, string? Commit, DateTimeOffset? BuiltUtc, IReadOnlyList<string> StaleReasons)
{
    public const string RebuildCommand = "scripts/pack-notebook-feed.sh";

    /// <summary>The folders whose sources go into the package.</summary>
    public static readonly IReadOnlyList<string> SourceFolders = ["src/FaceGuard.Engine", "src/FaceGuard.Analysis", "src/FaceGuard.Analysis.Interactive"];

    public const string FeedFolder = ".feed";

    public bool IsStale => StaleReasons.Count > 0;

    /// <summary>The loaded build, checked against the repository the notebook runs in (found from the current folder).</summary>
    public static BuildInfo Current()
    {
        var informational = typeof(RunAnalysis).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? informational : informational[..plus];
        var commit = plus < 0 ? null : informational[(plus + 1)..];
        var built = typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BuildTimeUtc")?.Value is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : (DateTimeOffset?)null;
        var root = RepositoryRoot(Directory.GetCurrentDirectory());
        return new BuildInfo(version, commit is { Length: > 12 } ? commit[..12] : commit, built, root is null ? [] : StaleReasonsIn(root, version, built));
    }

    /// <summary>What says the build is older than the repository at <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> StaleReasonsIn(string root, string version, DateTimeOffset? builtUtc)
    {
        List<string> reasons = [];
        if (builtUtc is { } built)
        {
            var newest = SourceFolders
                .Select(folder => Path.Combine(root, folder))
                .Where(Directory.Exists)
                .SelectMany(folder => new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
                .Where(f => f.Extension is ".cs" or ".csproj" && !IsBuildOutput(root, f.FullName))
                .MaxBy(f => f.LastWriteTimeUtc);
            // A second of slack: the build stamps its time after reading the sources.
            if (newest is not null && newest.LastWriteTimeUtc > built.UtcDateTime.AddSeconds(1))
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetRelativePath(root, newest.FullName)} changed at {newest.LastWriteTimeUtc:yyyy-MM-dd HH:mm:ss} UTC, after this build: run {RebuildCommand}, then restart the kernel"));
            }
        }

        var feed = Path.Combine(root, FeedFolder);
        if (Directory.Exists(feed))
        {
            var newer = Directory.EnumerateFiles(feed, "FaceGuard.Analysis.*.nupkg")
                .Select(f => Path.GetFileNameWithoutExtension(f)["FaceGuard.Analysis.".Length..])
                .Where(v => v.StartsWith("0.", StringComparison.Ordinal) && CompareDevVersions(v, version) > 0)
                .Max(StringComparer.Ordinal);
            if (newer is not null)
            {
                reasons.Add($"the feed holds a newer build, {newer}: restart the kernel (Restart in VS Code) and run the notebook again");
            }
        }

        return reasons;
    }

    /// <summary>Dev versions differ only in their yyyyMMddHHmmss suffix, which sorts as text.</summary>
    internal static int CompareDevVersions(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    private static bool IsBuildOutput(string root, string path)
    {
        var parts = Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }

    private static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FaceGuardAnalysis.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
