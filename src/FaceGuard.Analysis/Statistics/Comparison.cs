namespace FaceGuard.Analysis.Statistics;

/// <summary>
/// Baseline against current latencies: median and p95 ratios (current / baseline) with bootstrap
/// confidence intervals, and a Mann–Whitney test. The verdict needs all three of a CI clear of 1,
/// significance and a practically relevant size, so that noise and trivial shifts read as NoChange.
/// </summary>
/// <param name="MannWhitneyU">Pairs (baseline, current) in which current is the slower; ties count half.</param>
/// <param name="PValue">Two-sided Mann–Whitney p-value.</param>
public sealed record Comparison(
    double BaselineMedianMs,
    double CurrentMedianMs,
    double BaselineP95Ms,
    double CurrentP95Ms,
    ConfidenceInterval MedianRatioCi,
    ConfidenceInterval P95RatioCi,
    double MannWhitneyU,
    double PValue)
{
    public const double ConfidenceLevel = 0.95;
    public const double SignificanceLevel = 0.01;

    /// <summary>Median ratio beyond which a change matters (5 % slower); faster mirrors it as 1 / 1.05.</summary>
    public const double PracticalRatio = 1.05;

    public const int DefaultSeed = 42;
    public const int DefaultResamples = 2000;

    public double MedianRatio => CurrentMedianMs / BaselineMedianMs;

    public double P95Ratio => CurrentP95Ms / BaselineP95Ms;

    public ComparisonVerdict Verdict =>
        PValue >= SignificanceLevel ? ComparisonVerdict.NoChange
        : MedianRatioCi.Lower > 1 && MedianRatio > PracticalRatio ? ComparisonVerdict.Slower
        : MedianRatioCi.Upper < 1 && MedianRatio < 1 / PracticalRatio ? ComparisonVerdict.Faster
        : ComparisonVerdict.NoChange;

    /// <param name="seed">Seeds the bootstrap, so the same data always gives the same intervals.</param>
    public static Comparison Compare(
        IReadOnlyList<double> baselineMs,
        IReadOnlyList<double> currentMs,
        int seed = DefaultSeed,
        int resamples = DefaultResamples)
    {
        ArgumentNullException.ThrowIfNull(baselineMs);
        ArgumentNullException.ThrowIfNull(currentMs);
        ArgumentOutOfRangeException.ThrowIfZero(baselineMs.Count, nameof(baselineMs) + ".Count");
        ArgumentOutOfRangeException.ThrowIfZero(currentMs.Count, nameof(currentMs) + ".Count");
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);

        var baseline = Quantiles.Sorted(baselineMs);
        var current = Quantiles.Sorted(currentMs);
        var (medianCi, p95Ci) = Bootstrap.RatioIntervals(baseline, current, resamples, ConfidenceLevel, new Random(seed));
        var test = MannWhitney.Test(baseline, current);

        return new Comparison(
            BaselineMedianMs: Quantiles.OfSorted(baseline, 0.5),
            CurrentMedianMs: Quantiles.OfSorted(current, 0.5),
            BaselineP95Ms: Quantiles.OfSorted(baseline, 0.95),
            CurrentP95Ms: Quantiles.OfSorted(current, 0.95),
            MedianRatioCi: medianCi,
            P95RatioCi: p95Ci,
            MannWhitneyU: test.U,
            PValue: test.PValue);
    }

    public override string ToString() => FormattableString.Invariant(
        $"Comparison {{ BaselineMedianMs = {BaselineMedianMs}, CurrentMedianMs = {CurrentMedianMs}, MedianRatio = {MedianRatio}, MedianRatioCi = {MedianRatioCi}, BaselineP95Ms = {BaselineP95Ms}, CurrentP95Ms = {CurrentP95Ms}, P95Ratio = {P95Ratio}, P95RatioCi = {P95RatioCi}, MannWhitneyU = {MannWhitneyU}, PValue = {PValue}, Verdict = {Verdict} }}");
}
