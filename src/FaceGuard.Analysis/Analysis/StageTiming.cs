using FaceGuard.Analysis.Statistics;
using FaceGuard.Engine;

namespace FaceGuard.Analysis;

/// <summary>How long one processing stage took over the measured successful requests that report it.</summary>
public sealed record StageTiming(Stage Stage, Distribution DurationMs)
{
    /// <summary>"Decode", "Detect", "Mask", "Encode".</summary>
    public string Name => Stage.ToString();

    public override string ToString() => $"StageTiming {{ Stage = {Stage}, DurationMs = {DurationMs} }}";
}
