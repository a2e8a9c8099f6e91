using System.Globalization;
using System.Net;
using System.Text;
using FaceGuard.Analysis.Charts;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Statistics;
using Plotly.NET;
using static FaceGuard.Analysis.InvariantText;

namespace FaceGuard.Analysis.Reports;

/// <summary>
/// One self-contained HTML page about a run that opens offline: verdicts, the describe-style summary, alerts,
/// stage timings, charts, the comparison with a baseline when there is one, and the manifest. plotly.js is inlined
/// once; nothing is fetched. Numbers are formatted the same under every culture; text from the data is encoded.
/// </summary>
public static class HtmlReport
{
    /// <summary>From this many measured successful requests on, the report also shows p50 and p95 over time.</summary>
    public const int LongRunRequests = 200;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(RunAnalysis analysis, RunLog log, RunComparison? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(log);
        var html = new StringBuilder(PlotlyJs.Library.Length + 200_000);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E($"FaceGuard load test: {analysis.Name}")).Append("</title>\n")
            .Append("<style>\n").Append(ReportCss.Text).Append("</style>\n")
            .Append(PlotlyJs.ScriptElement).Append('\n')
            .Append("</head>\n<body>\n<main>\n");

        Header(html, analysis, log.Manifest);
        Verdicts(html, analysis);
        Summary(html, analysis);
        Alerts(html, analysis);
        Stages(html, analysis);
        ChartsSection(html, analysis, log);
        if (comparison is not null)
        {
            ComparisonSection(html, comparison);
        }

        Manifest(html, log.Manifest);
        html.Append("<footer>FaceGuard.Analysis run report. Latency statistics cover measured requests that succeeded; warm-up is excluded.</footer>\n")
            .Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static void Save(string path, RunAnalysis analysis, RunLog log, RunComparison? comparison = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var html = Render(analysis, log, comparison);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, html, new UTF8Encoding(false));
    }

    private static void Header(StringBuilder html, RunAnalysis analysis, RunManifest? manifest)
    {
        html.Append("<header>\n<h1>").Append(E($"Load test: {analysis.Name}")).Append("</h1>\n")
            .Append(I($"<span class=\"badge {SeverityCss.Of(analysis.Severity)}\">{analysis.Severity}</span>\n"));
        if (manifest is not null)
        {
            html.Append("<p class=\"sub\">").Append(E(
                $"{manifest.Target} · {manifest.Shape} · {TimeWithOffset(manifest.Started)} → {TimeWithOffset(manifest.Ended)} · {manifest.Machine}"))
                .Append("</p>\n");
            if (manifest.Generator is { } generator)
                html.Append("<p class=\"sub\" id=\"generator\">").Append(E($"Driven by {GeneratorName(generator)} {generator.Version}: {Count(generator.Workers)} worker(s), {Count(generator.Users)} user(s)")).Append("</p>\n");
        }

        html.Append("</header>\n");
    }

    private static void Verdicts(StringBuilder html, RunAnalysis analysis)
    {
        html.Append("<section id=\"verdicts\">\n<h2>Verdicts</h2>\n<ul class=\"verdicts\">\n");
        foreach (var verdict in analysis.Verdicts)
        {
            html.Append(I($"<li class=\"{SeverityCss.Of(verdict.Severity)}\"><span class=\"badge\">{verdict.Severity}</span>"))
                .Append(E(verdict.Text)).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void Summary(StringBuilder html, RunAnalysis a)
    {
        var d = a.LatencyMs;
        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"grid\">\n<div>\n<h3>Latency (ms), measured successful requests</h3>\n");
        Table(html, null,
        [
            ["count", Count(d.Count)], ["mean", Number(d.Mean, 2)], ["std", Number(d.StdDev, 2)], ["min", Number(d.Min, 2)],
            ["25%", Number(d.P25, 2)], ["50%", Number(d.Median, 2)], ["75%", Number(d.P75, 2)], ["max", Number(d.Max, 2)],
            ["p90", Number(d.P90, 2)], ["p95", Number(d.P95, 2)], ["p99", Number(d.P99, 2)],
        ]);
        html.Append("</div>\n<div>\n<h3>Run</h3>\n");
        var trend = a.MemoryTrend;
        Table(html, null,
        [
            ["Measured requests", Count(a.Requests)],
            ["Warm-up requests (excluded)", Count(a.WarmupRequests)],
            ["Failed requests", Count(a.Failures)],
            ["Error rate", Percent(a.ErrorRate)],
            ["Wall time", Unit(Number(a.WallTimeS, 2), "s")],
            ["Throughput", Unit(Number(a.ThroughputRps, 2), "req/s")],
            ["First measured request", Unit(Ms(a.ColdStart.FirstMs), "ms")],
            ["Steady median (later requests)", Unit(Ms(a.ColdStart.SteadyMedianMs), "ms")],
            ["Cold start ratio", Times(a.ColdStart.Ratio)],
            ["First warm-up request", a.FirstWarmupLatencyMs is { } w ? Unit(Ms(w), "ms") : Missing],
            ["CPU mean / max", $"{Number(a.CpuPercent.Mean, 1)} / {Number(a.CpuPercent.Max, 1)} % (100 % = one core)"],
            ["Memory mean / max", $"{Number(a.MemoryMb.Mean, 1)} / {Number(a.MemoryMb.Max, 1)} MB"],
            ["Memory trend", double.IsFinite(trend.SlopeMbPer1000Requests)
                ? $"{Signed(trend.SlopeMbPer1000Requests, 2)} MB per 1,000 requests (R² {Fixed(trend.RSquared, 2)}, {trend.Verdict})"
                : Missing],
        ]);
        html.Append("</div>\n</div>\n</section>\n");
    }

    private static void Alerts(StringBuilder html, RunAnalysis a)
    {
        html.Append("<section id=\"alerts\">\n<h2>Threshold alerts</h2>\n");
        Table(html,
            ["Metric", "Threshold", "Above", "Share", "Longest run", "Max", "First above", "Last above"],
            [Alert(a.LatencyAlert, "requests"), Alert(a.MemoryAlert, a.MemorySource == MemorySource.RequestRows ? "rows" : "samples")]);
        html.Append("<h3>Healthy ranges</h3>\n");
        Table(html,
            ["Metric", "Range", "Below", "Above", "Share outside", "Longest run", "Min / max", "First outside", "Last outside"],
            [Band(a.LatencyBand, "requests"), Band(a.CpuBand, "readings", $" (±{Number(a.Thresholds.CpuFluctuationPercent, 0)} % of the mean)")]);
        html.Append("<p class=\"muted\">A value equal to its threshold does not alert. Latency: measured successful requests by intended send time. Memory: ")
            .Append(a.MemorySource switch
            {
                MemorySource.ResourceSamples => "every resource sample of the service process.",
                MemorySource.RequestRows => "the Memory_MB column of the measured rows (no resource samples in this log).",
                _ => "no readings in this log.",
            })
            .Append(" Times as logged.</p>\n</section>\n");
    }

    private static string[] Band(BandCheck band, string what, string how = "") =>
    [
        band.Metric,
        band.Samples == 0 ? Missing : $"{Number(band.Low, 1)}–{Number(band.High, 1)} {band.Unit}{how}",
        $"{Count(band.Below)} of {Count(band.Samples)} {what}",
        Count(band.Above),
        Percent(band.Share),
        Count(band.LongestRun),
        $"{Number(band.Min, 1)} / {Number(band.Max, 1)} {band.Unit}",
        band.First is { } first ? Time(first) : Missing,
        band.Last is { } last ? Time(last) : Missing,
    ];

    private static string[] Alert(ThresholdAlert alert, string what) =>
    [
        alert.Metric,
        Unit(Number(alert.Threshold, 1), alert.Unit),
        $"{Count(alert.Crossings)} of {Count(alert.Samples)} {what}",
        Percent(alert.Share),
        Count(alert.LongestRun),
        Unit(Number(alert.Max, 1), alert.Unit),
        alert.First is { } first ? Time(first) : Missing,
        alert.Last is { } last ? Time(last) : Missing,
    ];

    private static void Stages(StringBuilder html, RunAnalysis a)
    {
        if (a.Stages.Count == 0)
        {
            return;
        }

        var medianSum = a.Stages.Sum(s => s.DurationMs.Median);
        html.Append("<section id=\"stages\">\n<h2>Processing stages (ms)</h2>\n");
        Table(html,
            ["Stage", "Requests", "Median", "Mean", "p95", "Max", "Share of summed medians"],
            a.Stages.Select(s => new[]
            {
                s.Name, Count(s.DurationMs.Count), Number(s.DurationMs.Median, 2), Number(s.DurationMs.Mean, 2),
                Number(s.DurationMs.P95, 2), Number(s.DurationMs.Max, 2), Percent(s.DurationMs.Median / medianSum),
            }).ToList());
        html.Append("</section>\n");
    }

    private static void ChartsSection(StringBuilder html, RunAnalysis analysis, RunLog log)
    {
        html.Append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        // One view of the frames for every chart: reading a million rows' columns once, not five times.
        var requests = Frames.RequestView.Of(log.Requests);
        Figure(html, LatencyTrendChart.Create(requests, analysis), "chart-latency-trend");
        if (analysis.LatencyMs.Count >= LongRunRequests)
        {
            Figure(html, RollingPercentileChart.Create(requests, analysis), "chart-rolling-percentiles");
        }

        Figure(html, LatencyPercentileChart.Create(requests, analysis), "chart-latency-percentiles");
        Figure(html, LatencyHistogramChart.Create(requests), "chart-latency-histogram");
        if (analysis.MemorySource != MemorySource.None)
        {
            Figure(html, MemoryTrendChart.Create(requests, Frames.ResourceView.Of(log.Resources), analysis), "chart-memory-trend");
        }

        if (analysis.Stages.Count > 0)
        {
            Figure(html, StageBreakdownChart.Create(analysis), "chart-stages");
        }

        html.Append("</section>\n");
    }

    private static void ComparisonSection(StringBuilder html, RunComparison comparison)
    {
        var c = comparison.Comparison;
        var (b, cur) = (comparison.BaselineLatencyMs, comparison.CurrentLatencyMs);
        var severity = comparison.Verdict == ComparisonVerdict.Slower ? Severity.Alert : Severity.Ok;
        html.Append("<section id=\"comparison\">\n<h2>Baseline comparison</h2>\n<ul class=\"verdicts\">\n")
            .Append(I($"<li class=\"{SeverityCss.Of(severity)}\"><span class=\"badge\">{comparison.Verdict}</span>"))
            .Append(E(comparison.Summary)).Append("</li>\n</ul>\n");
        var level = Number(Statistics.Comparison.ConfidenceLevel * 100, 0);
        Table(html,
            ["Latency (ms)", $"Baseline: {comparison.BaselineName}", $"Current: {comparison.CurrentName}", $"Current / baseline ({level} % CI)"],
        [
            ["Requests", Count(b.Count), Count(cur.Count), ""],
            ["Median", Number(c.BaselineMedianMs, 2), Number(c.CurrentMedianMs, 2),
                $"{Number(c.MedianRatio, 3)} ({Number(c.MedianRatioCi.Lower, 3)}–{Number(c.MedianRatioCi.Upper, 3)})"],
            ["p95", Number(c.BaselineP95Ms, 2), Number(c.CurrentP95Ms, 2),
                $"{Number(c.P95Ratio, 3)} ({Number(c.P95RatioCi.Lower, 3)}–{Number(c.P95RatioCi.Upper, 3)})"],
            ["Mean", Number(b.Mean, 2), Number(cur.Mean, 2), Number(cur.Mean / b.Mean, 3)],
            ["Max", Number(b.Max, 2), Number(cur.Max, 2), Number(cur.Max / b.Max, 3)],
        ]);
        html.Append("<p class=\"muted\">").Append(E($"Mann–Whitney U = {Number(c.MannWhitneyU, 1)}, two-sided {RunComparison.PValue(c.PValue)}. "))
            .Append(E($"Slower or faster needs p < {Number(Statistics.Comparison.SignificanceLevel, 2)}, a CI of the median ratio clear of 1 and at least a {Number((Statistics.Comparison.PracticalRatio - 1) * 100, 0)} % shift."))
            .Append("</p>\n");
        Figure(html, ComparisonChart.Create(comparison), "chart-comparison");
        html.Append("</section>\n");
    }

    private static void Manifest(StringBuilder html, RunManifest? m)
    {
        html.Append("<section id=\"manifest\">\n<h2>Run</h2>\n");
        if (m is null)
        {
            html.Append("<p class=\"muted\">No manifest: this log came without one.</p>\n</section>\n");
            return;
        }

        var options = m.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} = {o.Value}").ToList();
        Table(html, null,
        [
            ["Name", m.Name],
            ["Target", m.Target],
            ["Shape", m.Shape],
            ["Options", options.Count == 0 ? Missing : string.Join("\n", options)],
            ["Started", TimeWithOffset(m.Started)],
            ["Ended", TimeWithOffset(m.Ended) + (m.Cancelled ? " (cancelled)" : "")],
            ["Duration", Unit(Number((m.Ended - m.Started).TotalSeconds, 1), "s")],
            ["Machine", $"{m.Machine}, {Count(m.ProcessorCount)} processors, {m.Os}"],
            ["Load generator", m.Generator is { } g ? $"{GeneratorName(g)} {g.Version}, {Count(g.Workers)} worker(s), {Count(g.Users)} user(s)" : "FaceGuard's own runner"],
            ["Engine version", m.EngineVersion],
            ["Watched process", m.WatchedProcessId is { } pid ? $"{m.WatchedProcess ?? "?"} (pid {pid.ToString(Invariant)})" : m.WatchedProcess ?? Missing],
        ], numeric: false);
        html.Append("</section>\n");
    }

    private static string GeneratorName(LoadGenerator generator) =>
        generator.Name == "locust" ? "Locust" : generator.Name;

    private static void Figure(StringBuilder html, GenericChart chart, string id) =>
        html.Append("<figure>").Append(ChartHtml.Render(chart, id)).Append("</figure>\n");

    /// <summary>A table of text cells, every one encoded; the first column as row headers, the others right-aligned
    /// when <paramref name="numeric"/>. A line break in a cell shows as one.</summary>
    private static void Table(StringBuilder html, IReadOnlyList<string>? header, IReadOnlyList<string[]> rows, bool numeric = true)
    {
        html.Append("<table>\n");
        if (header is not null)
        {
            html.Append("<thead><tr>");
            for (var i = 0; i < header.Count; i++)
            {
                html.Append(i == 0 ? "<th>" : "<th class=\"num\">").Append(E(header[i])).Append("</th>");
            }

            html.Append("</tr></thead>\n");
        }

        html.Append("<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(row[0])).Append("</th>");
            foreach (var cell in row.Skip(1))
            {
                html.Append(numeric ? "<td class=\"num\">" : "<td>")
                    .Append(string.Join("<br>", cell.Split('\n').Select(E))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string I(FormattableString text) => text.ToString(Invariant);

    private static string Unit(string number, string unit) => number == Missing ? Missing : $"{number} {unit}";

    private static string Times(double ratio) => Number(ratio, 2) is var number && number == Missing ? Missing : number + "×";
}
