namespace FaceGuard.Analysis.Statistics;

/// <summary>
/// How often one metric left a band, which way, when and for how long: "a healthy service sits at 200–400 ms with CPU
/// swings within ±15 %" made checkable. First and Last are the first and last samples outside; LongestRun counts
/// consecutive samples outside.
/// </summary>
public sealed record BandCheck(
    string Metric,
    string Unit,
    double Low,
    double High,
    int Samples,
    int Below,
    int Above,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    int LongestRun,
    double Min,
    double Max)
{
    public int Outside => Below + Above;

    /// <summary>Fraction of samples outside the band; NaN without samples.</summary>
    public double Share => Samples == 0 ? double.NaN : (double)Outside / Samples;

    public bool Broken => Outside > 0;

    /// <param name="samplesInOrder">Samples in time order, so that runs are runs in time.</param>
    public static BandCheck Of(string metric, string unit, IReadOnlyList<TimedValue> samplesInOrder, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(samplesInOrder);
        if (!(low <= high)) throw new ArgumentOutOfRangeException(nameof(low), low, "The band's low end must not be above its high end.");
        int below = 0, above = 0, run = 0, longestRun = 0;
        DateTimeOffset? first = null, last = null;
        double min = double.NaN, max = double.NaN;
        foreach (var sample in samplesInOrder)
        {
            min = double.IsNaN(min) ? sample.Value : Math.Min(min, sample.Value);
            max = double.IsNaN(max) ? sample.Value : Math.Max(max, sample.Value);
            bool outside = true;
            if (sample.Value < low) below++;
            else if (sample.Value > high) above++;
            else outside = false;
            if (outside)
            {
                first ??= sample.Timestamp;
                last = sample.Timestamp;
                longestRun = Math.Max(longestRun, ++run);
            }
            else run = 0;
        }
        return new BandCheck(metric, unit, low, high, samplesInOrder.Count, below, above, first, last, longestRun, min, max);
    }

    /// <summary>The band of ±<paramref name="percent"/> % around the samples' own mean.</summary>
    public static BandCheck AroundMean(string metric, string unit, IReadOnlyList<TimedValue> samplesInOrder, double percent)
    {
        double mean = samplesInOrder.Count == 0 ? double.NaN : samplesInOrder.Average(s => s.Value);
        return double.IsNaN(mean)
            ? new BandCheck(metric, unit, double.NaN, double.NaN, 0, 0, 0, null, null, 0, double.NaN, double.NaN)
            : Of(metric, unit, samplesInOrder, mean * (1 - percent / 100), mean * (1 + percent / 100));
    }

    public override string ToString() => FormattableString.Invariant(
        $"BandCheck {{ Metric = {Metric}, Unit = {Unit}, Low = {Low}, High = {High}, Samples = {Samples}, Below = {Below}, Above = {Above}, Share = {Share}, First = {First:O}, Last = {Last:O}, LongestRun = {LongestRun}, Min = {Min}, Max = {Max} }}");
}
