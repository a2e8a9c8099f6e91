namespace FaceGuard.Analysis.Logs;

/// <summary>The small JSON written beside a run's CSV files: what ran, against what, where and when.</summary>
/// <param name="Generator">Who sent the requests when it was not our own runner (Locust); null for ours.</param>
public sealed record RunManifest(
    string Name,
    string Target,
    string Shape,
    IReadOnlyDictionary<string, string> Options,
    DateTimeOffset Started,
    DateTimeOffset Ended,
    string Machine,
    int ProcessorCount,
    string Os,
    string EngineVersion,
    int? WatchedProcessId,
    string? WatchedProcess,
    bool Cancelled = false,
    LoadGenerator? Generator = null);
