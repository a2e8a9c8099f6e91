using FaceGuard.Engine;

namespace FaceGuard.Analysis.Targets;

/// <summary>What a target reports about one request; the runner adds the timing.</summary>
/// <param name="Error">Null on success; otherwise a short kind and reason, e.g. "HTTP 503: The service is busy".</param>
/// <param name="Stages">The service's own stage timings (Server-Timing header, or the engine's result).</param>
public sealed record RequestOutcome(int? Status, string? Error, int? Faces, long BytesOut, StageTimings? Stages)
{
    public bool Succeeded => Error is null;

    public static RequestOutcome Failure(string error, int? status = null) => new(status, error, null, 0, null);
}
