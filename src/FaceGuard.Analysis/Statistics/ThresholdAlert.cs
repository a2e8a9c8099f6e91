namespace FaceGuard.Analysis.Statistics;

/// <summary>
/// How often and for how long one metric stayed above its threshold.
/// First and Last are the timestamps of the first and last sample above; LongestRun counts consecutive samples above.
/// </summary>
public sealed record ThresholdAlert(
    string Metric,
    string Unit,
    double Threshold,
    int Samples,
    int Crossings,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    double Max,
    int LongestRun)
{
    /// <summary>Fraction of samples above the threshold; NaN when there were no samples.</summary>
    public double Share => Samples == 0 ? double.NaN : (double)Crossings / Samples;

    public bool Triggered => Crossings > 0;

    public override string ToString() => FormattableString.Invariant(
        $"ThresholdAlert {{ Metric = {Metric}, Unit = {Unit}, Threshold = {Threshold}, Samples = {Samples}, Crossings = {Crossings}, Share = {Share}, First = {First:O}, Last = {Last:O}, Max = {Max}, LongestRun = {LongestRun}, Triggered = {Triggered} }}");
}
