using MathNet.Numerics.Statistics;
using Microsoft.Data.Analysis;

namespace FaceGuard.Analysis.Statistics;

/// <summary>
/// Summary of one sample, equal to pandas <c>Series.describe()</c> plus the tail percentiles
/// and the spread measures the reports use. Like pandas it skips NaN; no values give Count 0 and NaN elsewhere.
/// </summary>
public sealed record Distribution(
    int Count,
    double Mean,
    double StdDev,
    double Min,
    double P25,
    double Median,
    double P75,
    double Max,
    double P90,
    double P95,
    double P99)
{
    /// <summary>The users' jitter rule: the slowest sample more than twice the fastest.</summary>
    public const double JitterMaxMinRatio = 2.0;

    public double CoefficientOfVariation => StdDev / Mean;

    public double MaxMinRatio => Max / Min;

    public bool IsJittery => MaxMinRatio > JitterMaxMinRatio;

    /// <summary>A DataFrame column, as pandas' <c>df["Latency_ms"].describe()</c>: nulls are skipped.</summary>
    public static Distribution Describe(DataFrameColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Describe(Frames.ColumnValues.Doubles(column));
    }

    public static Distribution Describe(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = Quantiles.Sorted(values.Where(v => !double.IsNaN(v)));
        if (sorted.Length == 0)
        {
            return new Distribution(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
                double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new Distribution(
            Count: sorted.Length,
            Mean: ArrayStatistics.Mean(sorted),
            StdDev: ArrayStatistics.StandardDeviation(sorted),
            Min: sorted[0],
            P25: Quantiles.OfSorted(sorted, 0.25),
            Median: Quantiles.OfSorted(sorted, 0.50),
            P75: Quantiles.OfSorted(sorted, 0.75),
            Max: sorted[^1],
            P90: Quantiles.OfSorted(sorted, 0.90),
            P95: Quantiles.OfSorted(sorted, 0.95),
            P99: Quantiles.OfSorted(sorted, 0.99));
    }

    public override string ToString() => FormattableString.Invariant(
        $"Distribution {{ Count = {Count}, Mean = {Mean}, StdDev = {StdDev}, Min = {Min}, P25 = {P25}, Median = {Median}, P75 = {P75}, Max = {Max}, P90 = {P90}, P95 = {P95}, P99 = {P99}, CoefficientOfVariation = {CoefficientOfVariation}, MaxMinRatio = {MaxMinRatio}, IsJittery = {IsJittery} }}");
}
