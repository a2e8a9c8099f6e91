using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Sampling;
using Microsoft.Data.Analysis;

namespace FaceGuard.Analysis.Logs;

/// <summary>
/// One run: its requests and the watched process's samples as DataFrames (the columns of the request and resource
/// logs), and what was run. Everything after a load test works on these frames: statistics, verdicts, charts, reports.
/// </summary>
/// <param name="Requests">Every request, warm-up included (<see cref="RequestLogColumns"/>).</param>
/// <param name="Resources">The watched process over time; empty for a classic log, which has no resource file.</param>
/// <param name="Manifest">What was run, where and when; null for a log from elsewhere.</param>
public sealed record RunLog(DataFrame Requests, DataFrame Resources, RunManifest? Manifest = null)
{
    /// <summary>A run from a load test's records and samples.</summary>
    public RunLog(IReadOnlyList<RequestRecord> requests, IReadOnlyList<ResourceSample> resources, RunManifest? manifest = null)
        : this(RequestFrame.From(requests), ResourceFrame.From(resources), manifest)
    {
    }

    public string Name => Manifest?.Name ?? "run";

    /// <summary>The requests the statistics are about: everything but warm-up.</summary>
    public DataFrame Measured => RequestFrame.Measured(Requests);
}
