namespace FaceGuard.Service.Tests.Monitoring;

/// <summary>The checked-in deployment files under deploy/, found from the test's output folder.</summary>
internal static class DeployFiles
{
    public static string RepoRoot => FaceGuard.Testing.RepositoryFiles.Root;

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
}
