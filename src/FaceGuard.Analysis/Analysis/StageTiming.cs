using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Analysis;

/// <summary>How long one processing stage (decode, detect, blur, encode) took over the measured requests that report it.</summary>
public sealed record StageTiming(string Stage, Distribution DurationMs)
{
    public override string ToString() => $"StageTiming {{ Stage = {Stage}, DurationMs = {DurationMs} }}";
}
