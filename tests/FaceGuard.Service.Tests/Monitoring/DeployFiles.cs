namespace FaceGuard.Service.Tests.Monitoring;

/// <summary>The checked-in deployment files under deploy/, found from the test's output folder.</summary>
internal static class DeployFiles
{
    public const string SolutionFile = "FaceGuardAnalysis.sln";

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>deploy/prometheus: prometheus.yml, faceguard-alerts.yml and its unit tests.</summary>
    public static string PrometheusFolder => Path.Combine(RepoRoot, "deploy", "prometheus");

    public static string AlertRules => Path.Combine(PrometheusFolder, "faceguard-alerts.yml");

    /// <summary>Every alert faceguard-alerts.yml defines; users route and silence them by these names.</summary>
    public static readonly string[] AlertNames =
    [
        "FaceGuardDown",
        "FaceGuardNotReady",
        "FaceGuardProcessLatencyHigh",
        "FaceGuardMemoryHigh",
        "FaceGuardServerErrors",
        "FaceGuardOverloaded",
        "FaceGuardRejectingRequests",
        "FaceGuardQueueSaturated",
    ];

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains {SolutionFile}.");
    }
}
