namespace FaceGuard.Engine;

/// <summary>Where the milliseconds of one image went, measured with <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
public sealed record StageTimings(double DecodeMs, double DetectMs, double BlurMs, double EncodeMs)
{
    public double TotalMs => DecodeMs + DetectMs + BlurMs + EncodeMs;
}
