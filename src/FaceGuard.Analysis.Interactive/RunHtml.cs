using System.Text;
using FaceGuard.Analysis.Reports;
using FaceGuard.Analysis.Statistics;
using static FaceGuard.Analysis.Interactive.Html;
using static FaceGuard.Analysis.InvariantText;

namespace FaceGuard.Analysis.Interactive;

/// <summary>Run analyses, distributions, verdicts and comparisons as notebook HTML; formatting only.</summary>
public static class RunHtml
{
    /// <summary>The class of every describe-style table (what pandas <c>describe()</c> prints, plus p90/p95/p99).</summary>
    public const string DescribeClass = "fg-describe";

    public const string ComparisonClass = "fg-comparison";

    private static readonly string[] DescribeRows = ["count", "mean", "std", "min", "25%", "50%", "75%", "max", "p90", "p95", "p99"];

    /// <summary>One sample, pandas-style.</summary>
    public static string Distribution(Distribution distribution, string column = "value") =>
        Block("fg-distribution", html => Describe(html, [(column, distribution)]));

    /// <summary>The describe table of every column the run has (latency, CPU, memory, stages), the run's facts and its threshold alerts.</summary>
    public static string Analysis(RunAnalysis a) => Block("fg-analysis", html =>
    {
        html.Append("<h4>Run: ").Append(E(a.Name)).Append(" <span class=\"badge ").Append(SeverityCss.Of(a.Severity)).Append("\">")
            .Append(a.Severity).Append("</span></h4>\n");
        List<(string, Distribution)> columns = [("Latency_ms", a.LatencyMs)];
        if (a.CpuPercent.Count > 0)
        {
            columns.Add(("CPU_Percent", a.CpuPercent));
        }

        if (a.MemoryMb.Count > 0)
        {
            columns.Add(("Memory_MB", a.MemoryMb));
        }

        columns.AddRange(a.Stages.Select(s => (s.Stage + "_ms", s.DurationMs)));
        Describe(html, columns);
        html.Append("<p class=\"muted\">Latency: measured requests that succeeded (warm-up excluded). CPU: 100 % = one core. ")
            .Append(a.MemorySource == MemorySource.ResourceSamples ? "CPU and memory: samples of the service process." : "CPU and memory: the log's rows.")
            .Append("</p>\n");

        var trend = a.MemoryTrend;
        Table(html, "fg-facts", ["Run", ""],
        [
            ["Measured requests", Count(a.Requests)],
            ["Warm-up requests (excluded)", Count(a.WarmupRequests)],
            ["Failed requests", $"{Count(a.Failures)} ({Percent(a.ErrorRate)})"],
            ["Throughput", $"{Number(a.ThroughputRps, 2)} req/s over {Number(a.WallTimeS, 2)} s"],
            ["Cold start", $"first {Ms(a.ColdStart.FirstMs)} ms vs steady median {Ms(a.ColdStart.SteadyMedianMs)} ms (×{Number(a.ColdStart.Ratio, 2)})"],
            ["Latency above " + Number(a.LatencyAlert.Threshold, 0) + " ms", $"{Count(a.LatencyAlert.Crossings)} of {Count(a.LatencyAlert.Samples)}"],
            ["Memory above " + Number(a.MemoryAlert.Threshold, 0) + " MB", $"{Count(a.MemoryAlert.Crossings)} of {Count(a.MemoryAlert.Samples)}"],
            [$"Latency outside {Ms(a.LatencyBand.Low)}–{Ms(a.LatencyBand.High)} ms",
                $"{Count(a.LatencyBand.Outside)} of {Count(a.LatencyBand.Samples)} ({Count(a.LatencyBand.Above)} slower, {Count(a.LatencyBand.Below)} faster)"],
            [$"CPU outside ±{Number(a.Thresholds.CpuFluctuationPercent, 0)} % of its mean",
                a.CpuBand.Samples > 0 ? $"{Count(a.CpuBand.Outside)} of {Count(a.CpuBand.Samples)} readings" : Missing],
            ["Memory trend", double.IsFinite(trend.SlopeMbPer1000Requests)
                ? $"{Number(trend.SlopeMbPer1000Requests, 2)} MB per 1,000 requests (R² {Number(trend.RSquared, 2)}, {trend.Verdict})"
                : Missing],
        ], numeric: false);
    });

    public static string Verdicts(IEnumerable<Verdict> verdicts) => Block("fg-verdict-list", html => Html.Verdicts(html, verdicts));

    public static string Comparison(RunComparison comparison) => Block("fg-run-comparison", html =>
    {
        var c = comparison.Comparison;
        var severity = comparison.Verdict == ComparisonVerdict.Slower ? Severity.Alert : Severity.Ok;
        Html.Verdicts(html, [new Verdict(severity, comparison.Summary)]);
        var b = comparison.BaselineLatencyMs;
        var n = comparison.CurrentLatencyMs;
        string Ratio(double baseline, double current) => "×" + Number(current / baseline, 2);
        Table(html, ComparisonClass, ["Latency (ms)", "Baseline: " + comparison.BaselineName, "Current: " + comparison.CurrentName, "Current / baseline"],
        [
            ["count", Count(b.Count), Count(n.Count), ""],
            ["mean", Number(b.Mean, 2), Number(n.Mean, 2), Ratio(b.Mean, n.Mean)],
            ["median", Number(b.Median, 2), Number(n.Median, 2), $"{Ratio(b.Median, n.Median)} (95 % CI {Number(c.MedianRatioCi.Lower, 2)}–{Number(c.MedianRatioCi.Upper, 2)})"],
            ["p95", Number(b.P95, 2), Number(n.P95, 2), $"{Ratio(b.P95, n.P95)} (95 % CI {Number(c.P95RatioCi.Lower, 2)}–{Number(c.P95RatioCi.Upper, 2)})"],
            ["p99", Number(b.P99, 2), Number(n.P99, 2), Ratio(b.P99, n.P99)],
            ["max", Number(b.Max, 2), Number(n.Max, 2), Ratio(b.Max, n.Max)],
        ]);
        html.Append("<p class=\"muted\">Verdict ").Append(E(comparison.Verdict.ToString())).Append(": Mann–Whitney ")
            .Append(E(RunComparison.PValue(c.PValue))).Append(" (significant below ").Append(Number(Statistics.Comparison.SignificanceLevel, 2))
            .Append("), bootstrap CI of the median ratio clear of 1, and a change of at least ")
            .Append(Number((Statistics.Comparison.PracticalRatio - 1) * 100, 0)).Append(" %.</p>\n");
    });

    private static void Describe(StringBuilder html, IReadOnlyList<(string Column, Distribution D)> columns)
    {
        static IReadOnlyList<double> Values(Distribution d) =>
            [d.Count, d.Mean, d.StdDev, d.Min, d.P25, d.Median, d.P75, d.Max, d.P90, d.P95, d.P99];
        var values = columns.Select(c => Values(c.D)).ToList();
        var rows = DescribeRows.Select((name, row) =>
            (IReadOnlyList<string>)[name, .. values.Select(v => row == 0 ? Count((long)v[0]) : Number(v[row], 2))]);
        Table(html, DescribeClass, ["", .. columns.Select(c => c.Column)], rows);
    }
}
