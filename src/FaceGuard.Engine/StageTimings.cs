namespace FaceGuard.Engine;

/// <summary>Where the milliseconds of one image went, measured with <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
public sealed record StageTimings(double DecodeMs, double DetectMs, double MaskMs, double EncodeMs)
{
    public double TotalMs => DecodeMs + DetectMs + MaskMs + EncodeMs;

    public double this[Stage stage] => stage switch
    {
        Stage.Decode => DecodeMs,
        Stage.Detect => DetectMs,
        Stage.Mask => MaskMs,
        Stage.Encode => EncodeMs,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}
