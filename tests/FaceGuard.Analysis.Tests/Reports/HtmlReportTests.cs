using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Reports;
using FaceGuard.Analysis.Tests.Charts;
using Microsoft.Data.Analysis;
using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Reports;

public class HtmlReportTests
{
    /// <summary>Warm-up 900 ms, then 100, 110, 120, 130, 340 ms and one failure, half a second apart.</summary>
    private static RunLog Small() => new(
        [Request(1, 900, warmup: true), .. new double?[] { 100, 110, 120, 130, 340, null }.Select((ms, i) => Request(i + 2, ms))],
        [],
        Realistic().Manifest! with { Name = "small" });

    private static string Render(RunLog log, RunComparison? comparison = null) => HtmlReport.Render(RunAnalysis.Of(log), log, comparison);

    private static string Row(string label, string value) => $"<tr><th scope=\"row\">{label}</th><td class=\"num\">{value}</td></tr>";

    [Fact]
    public void Summary_shows_the_describe_numbers_with_tail_percentiles_throughput_and_error_rate()
    {
        var html = Render(Small());

        Assert.Contains(Row("count", "5"), html);
        Assert.Contains(Row("mean", "160"), html);
        Assert.Contains(Row("std", "101.24"), html);
        Assert.Contains(Row("min", "100"), html);
        Assert.Contains(Row("25%", "110"), html);
        Assert.Contains(Row("50%", "120"), html);
        Assert.Contains(Row("75%", "130"), html);
        Assert.Contains(Row("max", "340"), html);
        Assert.Contains(Row("p90", "256"), html);
        Assert.Contains(Row("p95", "298"), html);
        Assert.Contains(Row("p99", "331.6"), html);
        Assert.Contains(Row("Measured requests", "6"), html);
        Assert.Contains(Row("Warm-up requests (excluded)", "1"), html);
        Assert.Contains(Row("Error rate", "16.7 %"), html);
        Assert.Contains(Row("Wall time", "2.5 s"), html);
        Assert.Contains(Row("Throughput", "2.4 req/s"), html);
        Assert.Contains(Row("First warm-up request", "900 ms"), html);
    }

    [Fact]
    public void Every_verdict_is_listed_with_its_severity()
    {
        var log = Realistic();
        var analysis = RunAnalysis.Of(log);

        var html = HtmlReport.Render(analysis, log);

        Assert.Contains("<span class=\"badge alert\">Alert</span>", html);
        Assert.All(analysis.Verdicts, v => Assert.Contains(
            $"<li class=\"{v.Severity.ToString().ToLowerInvariant()}\"><span class=\"badge\">{v.Severity}</span>{WebUtility.HtmlEncode(v.Text)}</li>", html));
        Assert.Contains("Latency jitter: max/min = 3.4 &gt; 2 (min 100 ms, max 340 ms)", Render(Small()));
    }

    [Fact]
    public void Alerts_show_counts_and_the_first_and_last_time_above_the_threshold()
    {
        var html = Render(Realistic());

        Assert.Contains(
            "<tr><th scope=\"row\">Latency</th><td class=\"num\">500 ms</td><td class=\"num\">3 of 118 requests</td><td class=\"num\">2.5 %</td>"
            + "<td class=\"num\">1</td><td class=\"num\">540 ms</td><td class=\"num\">2025-03-01 12:00:18</td><td class=\"num\">2025-03-01 12:00:55</td></tr>",
            html);
        Assert.Contains(
            "<tr><th scope=\"row\">Memory</th><td class=\"num\">200 MB</td><td class=\"num\">8 of 126 samples</td><td class=\"num\">6.3 %</td>"
            + "<td class=\"num\">8</td><td class=\"num\">203.1 MB</td><td class=\"num\">2025-03-01 12:00:59</td><td class=\"num\">2025-03-01 12:01:02</td></tr>",
            html);
    }

    [Fact]
    public void Each_chart_carries_the_runs_data()
    {
        var log = Realistic();
        var comparison = RunComparison.Of(Realistic("last-release", scale: 0.85), log);

        var html = Render(log, comparison);

        var rows = log.Rows();
        var trend = Chart(html, "chart-latency-trend");
        Assert.Contains(rows[9].LatencyMs!.Value, PlotlyJson.Numbers(trend.Trace("Latency (ms)"), "y"));
        Assert.Contains(rows[9].CpuPercent!.Value, PlotlyJson.Numbers(trend.Trace("CPU (%)"), "y"));
        Assert.Equal(log.LatenciesMs().Max(), PlotlyJson.Numbers(Chart(html, "chart-latency-percentiles").Trace("Requests at or below"), "x")[^1]);
        Assert.Equal(log.LatenciesMs().Length, PlotlyJson.Numbers(Chart(html, "chart-latency-histogram").Data[0], "y").Sum());
        Assert.Equal(((PrimitiveDataFrameColumn<double>)log.Resources[ResourceLogColumns.MemoryMb]).Select(v => v!.Value), PlotlyJson.Numbers(Chart(html, "chart-memory-trend").Trace("Memory (MB)"), "y"));
        var detect = log.MeasuredRows().Where(r => !r.Failed).Select(r => r.Stages!.DetectMs).Order().ToArray();
        Assert.Equal(detect[^1], PlotlyJson.Numbers(Chart(html, "chart-stages").Data[0], "upperfence")[1]);
        Assert.Equal(comparison.BaselineLatenciesMs.Min(), PlotlyJson.Numbers(Chart(html, "chart-comparison").Trace("Baseline: last-release"), "x")[0]);
    }

    [Fact]
    public void Plotly_js_is_inlined_exactly_once_and_nothing_is_fetched()
    {
        var html = Render(Realistic(), RunComparison.Of(Realistic("last-release"), Realistic()));

        var library = html.IndexOf(PlotlyJs.Library, StringComparison.Ordinal);
        Assert.True(library > 0, "plotly.js is not in the report.");
        Assert.Equal(-1, html.IndexOf(PlotlyJs.Library, library + 1, StringComparison.Ordinal));
        Assert.Equal(1, Regex.Count(html, Regex.Escape("plotly.js v2.28.0")));
        Assert.Contains("<script>(function(define,module,exports){\n/**\n* plotly.js v2.28.0", html);

        // plotly.js itself holds URLs (map tiles, topojson) it only uses for maps; the rest of the page holds none.
        var page = html.Replace(PlotlyJs.Library, "", StringComparison.Ordinal);
        Assert.Equal(6, Regex.Count(page, "Plotly.newPlot\\("));
        foreach (var external in new[] { "src=\"http", "href=\"http", "<script src", "//cdn", "<link", "@import", "url(" })
        {
            Assert.DoesNotContain(external, page, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Text_from_the_data_is_encoded()
    {
        const string Attack = "<img src=x onerror=alert(1)></script><script>alert(2)</script>";
        var log = Realistic() with
        {
            Manifest = Realistic().Manifest! with
            {
                Name = "run " + Attack,
                Target = Attack,
                Options = new Dictionary<string, string> { [Attack] = Attack },
                Machine = Attack,
            },
        };
        log = log with { Requests = RequestFrame.From([.. log.Rows().Select(r => r.Failed ? r with { Error = Attack } : r)]) };

        var html = Render(log, RunComparison.Of(Realistic("last-release"), log));

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("alert(1)></script>", html);
        Assert.DoesNotContain("<script>alert(2)", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("<title>FaceGuard load test: run &lt;img", html);
        // Outside plotly.js, script elements are exactly the library's and the six charts'.
        var page = html.Replace(PlotlyJs.Library, "", StringComparison.Ordinal);
        Assert.Equal(7, Regex.Count(page, "<script"));
        Assert.Equal(7, Regex.Count(page, "</script>"));
    }

    [Fact]
    public void A_closing_script_tag_in_chart_text_cannot_end_the_charts_script()
    {
        var chart = Plotly.NET.Chart.withTitle("</script><script>alert(1)</script>", null).Invoke(
            Analysis.Charts.LatencyHistogramChart.Create(Latencies(100, 110)));

        var html = ChartHtml.Render(chart, "chart-test");

        Assert.Equal(1, Regex.Count(html, "</script>"));
        Assert.Contains("<\\/script><script>alert(1)<\\/script>", html);
        Assert.Equal("</script><script>alert(1)</script>", PlotlyJson.Parse(html).Title);
    }

    [Fact]
    public void The_same_run_renders_the_same_html()
    {
        var log = Realistic();
        var comparison = RunComparison.Of(Realistic("last-release"), log);

        var first = Render(log, comparison);

        Assert.Equal(first, Render(log, comparison));
        Assert.Contains("<div id=\"chart-latency-trend\">", first);
        Assert.Contains("renderPlotly_chart_latency_trend()", first);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", first.Replace(PlotlyJs.Library, ""));
    }

    [Fact]
    public void The_report_is_the_same_under_a_comma_decimal_culture()
    {
        var log = Realistic();
        var comparison = RunComparison.Of(Realistic("last-release", scale: 0.85), log);
        var invariant = Render(log, comparison);

        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Cultures.CommaDecimal();
        try
        {
            Assert.Equal("1.234,5", 1234.5.ToString("#,0.0", CultureInfo.CurrentCulture));
            var comma = Render(log, comparison);

            Assert.Equal(invariant, comma);
            Assert.Contains(Row("mean", "131.22"), comma);
            Assert.Contains(Row("Throughput", "2.01 req/s"), comma);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_comparison_section_appears_only_with_a_baseline()
    {
        var log = Realistic();
        var comparison = RunComparison.Of(Realistic("last-release", scale: 0.85), log);

        var with = Render(log, comparison);
        var without = Render(log);

        Assert.Contains("<h2>Baseline comparison</h2>", with);
        Assert.Contains(WebUtility.HtmlEncode(comparison.Summary), with);
        Assert.Contains("<span class=\"badge\">Slower</span>", with);
        Assert.Contains("<th class=\"num\">Baseline: last-release</th>", with);
        Assert.Contains(Row("Median", "102.16") [..^5], with);
        Assert.DoesNotContain("Baseline comparison", without);
        Assert.DoesNotContain("chart-comparison", without);
    }

    [Fact]
    public void A_classic_log_renders_without_stages_samples_or_manifest()
    {
        var log = new RunLog(Realistic().Rows().Select(r => r with { Warmup = false, Stages = null }).ToList(), []);

        var html = Render(log);

        Assert.DoesNotContain("id=\"stages\"", html);
        Assert.DoesNotContain("chart-stages", html);
        Assert.Contains("chart-memory-trend", html);
        Assert.Contains("the Memory_MB column of the measured rows", html);
        Assert.Contains("No manifest", html);
        Assert.Contains("<h1>Load test: run</h1>", html);
    }

    [Fact]
    public void The_manifest_is_shown()
    {
        var html = Render(Realistic());

        Assert.Contains("<tr><th scope=\"row\">Target</th><td>http://127.0.0.1:5080/process</td></tr>", html);
        Assert.Contains("<tr><th scope=\"row\">Options</th><td>duration = 60s<br>images = data/photos<br>rate = 2<br>warmup = 5</td></tr>", html);
        Assert.Contains("<tr><th scope=\"row\">Machine</th><td>ci-runner-2, 2 processors, Debian GNU/Linux 12</td></tr>", html);
        Assert.Contains("<tr><th scope=\"row\">Engine version</th><td>1.4.0</td></tr>", html);
        Assert.Contains("<tr><th scope=\"row\">Started</th><td>2025-03-01 12:00:00 +01:00</td></tr>", html);
    }

    [Fact]
    public void Save_writes_the_rendered_page_as_utf8_without_bom()
    {
        var log = Realistic();
        var analysis = RunAnalysis.Of(log);
        var folder = Directory.CreateTempSubdirectory("faceguard-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "nested", "report.html");

            HtmlReport.Save(path, analysis, log);

            var bytes = File.ReadAllBytes(path);
            Assert.NotEqual(0xEF, bytes[0]);
            Assert.Equal(HtmlReport.Render(analysis, log), System.Text.Encoding.UTF8.GetString(bytes));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The data and layout of the chart drawn into the div with this id.</summary>
    internal static PlotlyJson Chart(string html, string id)
    {
        var start = html.IndexOf($"<div id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No chart {id} in the report.");
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return PlotlyJson.Parse(html[start..end]);
    }
}
