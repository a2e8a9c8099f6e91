using FaceGuard.Engine;

namespace FaceGuard.Analysis.Logs;

/// <summary>
/// One request of a load test as it happens: one row of the request log (<see cref="RequestLogColumns"/>). The first
/// five properties are the classic columns that existing pandas scripts read.
/// </summary>
/// <param name="Timestamp">When the request was meant to be sent (local time, as the classic script logs it).</param>
/// <param name="LatencyMs">Null when the request failed (written as "Failed"). In an open-loop run it is measured from
/// the intended send time, so time spent waiting behind a stalled server is counted.</param>
/// <param name="CpuPercent">CPU of the service process in the latest sample before the request ended; 100 = one core.</param>
/// <param name="MemoryMb">Resident memory of the service process in that sample.</param>
/// <param name="ElapsedS">Seconds from the start of the run to the intended send time.</param>
/// <param name="Warmup">Warm-up requests are logged but left out of the statistics.</param>
/// <param name="Stages">The service's own stage timings, when it reports them.</param>
/// <param name="Worker">Which load-generator process sent it, when several did.</param>
public sealed record RequestRecord(
    DateTime Timestamp,
    int RequestId,
    double? LatencyMs,
    double? CpuPercent,
    double? MemoryMb,
    double ElapsedS = 0,
    bool Warmup = false,
    string? Image = null,
    int? Status = null,
    string? Error = null,
    int? Faces = null,
    long? BytesIn = null,
    long? BytesOut = null,
    StageTimings? Stages = null,
    string? Worker = null)
{
    public bool Failed => LatencyMs is null;
}
