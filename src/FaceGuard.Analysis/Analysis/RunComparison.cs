using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Logs;
using Microsoft.Data.Analysis;
using FaceGuard.Analysis.Statistics;
using static FaceGuard.Analysis.InvariantText;

namespace FaceGuard.Analysis;

/// <summary>
/// A baseline run against the current one: <see cref="Statistics.Comparison"/> of their measured successful
/// latencies, with the runs' names and distributions and the latencies themselves for overlay charts.
/// </summary>
/// <param name="BaselineName">The baseline's manifest name, or "baseline" when it has none or shares the current run's.</param>
/// <param name="CurrentName">The current run's manifest name, or "current".</param>
public sealed record RunComparison(
    string BaselineName,
    string CurrentName,
    Distribution BaselineLatencyMs,
    Distribution CurrentLatencyMs,
    IReadOnlyList<double> BaselineLatenciesMs,
    IReadOnlyList<double> CurrentLatenciesMs,
    Comparison Comparison)
{
    public ComparisonVerdict Verdict => Comparison.Verdict;

    /// <summary>The verdict in one sentence, e.g. "Current is slower: median 120 ms vs 100 ms (×1.2, 95 % CI 1.15–1.26; p &lt; 0.0001), p95 …".</summary>
    public string Summary
    {
        get
        {
            var c = Comparison;
            var headline = Verdict switch
            {
                ComparisonVerdict.Slower => "Current is slower",
                ComparisonVerdict.Faster => "Current is faster",
                _ => "No significant change",
            };
            return $"{headline}: median {Ms(c.CurrentMedianMs)} ms vs {Ms(c.BaselineMedianMs)} ms "
                + $"(×{Number(c.MedianRatio, 2)}, {Number(Comparison.ConfidenceLevel * 100, 0)} % CI {Number(c.MedianRatioCi.Lower, 2)}–{Number(c.MedianRatioCi.Upper, 2)}; "
                + $"{PValue(c.PValue)}), p95 {Ms(c.CurrentP95Ms)} ms vs {Ms(c.BaselineP95Ms)} ms";
        }
    }

    /// <param name="seed">Seeds the bootstrap: the same logs always give the same intervals.</param>
    /// <exception cref="ArgumentOutOfRangeException">A run has no measured successful request.</exception>
    public static RunComparison Of(RunLog baseline, RunLog current, int seed = Comparison.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var sameName = baseline.Name == current.Name;
        return Of(baseline.Requests, current.Requests,
            baseline.Manifest is null || sameName ? "baseline" : baseline.Name,
            current.Manifest is null || sameName ? "current" : current.Name, seed);
    }

    /// <summary>Two request frames, each as it is (warm-up rows left out): a notebook can compare one image, or one
    /// hour, of a run with another.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A frame has no measured successful request.</exception>
    public static RunComparison Of(DataFrame baseline, DataFrame current, string baselineName = "baseline", string currentName = "current", int seed = Comparison.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var baselineMs = LatenciesMs(baseline);
        var currentMs = LatenciesMs(current);
        return new RunComparison(
            BaselineName: baselineName,
            CurrentName: currentName,
            BaselineLatencyMs: Distribution.Describe(baselineMs),
            CurrentLatencyMs: Distribution.Describe(currentMs),
            BaselineLatenciesMs: baselineMs,
            CurrentLatenciesMs: currentMs,
            Comparison: Comparison.Compare(baselineMs, currentMs, seed));
    }

    private static double[] LatenciesMs(DataFrame requests)
    {
        var view = RequestView.Of(requests);
        return view.MeasuredSucceeded.Select(i => view.LatencyMs[i]).ToArray();
    }

    public override string ToString() =>
        $"RunComparison {{ BaselineName = {BaselineName}, CurrentName = {CurrentName}, Comparison = {Comparison}, Summary = {Summary} }}";

    /// <summary>"p = 0.0032", "p &lt; 0.0001".</summary>
    internal static string PValue(double p) =>
        !double.IsFinite(p) ? "p = " + Missing
        : p < 0.0001 ? "p < 0.0001"
        : "p = " + p.ToString(p < 0.01 ? "0.0000" : "0.00", System.Globalization.CultureInfo.InvariantCulture);
}
