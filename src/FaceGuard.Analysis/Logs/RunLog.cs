using FaceGuard.Analysis.Sampling;

namespace FaceGuard.Analysis.Logs;

/// <summary>Everything one load test produced, or what was read back from its files.</summary>
/// <param name="Resources">The watched process over time; empty for a classic log, which has no resource file.</param>
/// <param name="Manifest">What was run, where and when; null for a log from elsewhere.</param>
public sealed record RunLog(IReadOnlyList<RequestRecord> Requests, IReadOnlyList<ResourceSample> Resources, RunManifest? Manifest = null)
{
    /// <summary>The requests the statistics are about: everything but warm-up.</summary>
    public IReadOnlyList<RequestRecord> Measured => Requests.Where(r => !r.Warmup).ToList();

    /// <summary>Latencies of the measured requests that succeeded, in order.</summary>
    public double[] LatenciesMs => Measured.Where(r => r.LatencyMs is not null).Select(r => r.LatencyMs!.Value).ToArray();

    public string Name => Manifest?.Name ?? "run";
}
