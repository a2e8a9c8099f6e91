using System.Net;
using System.Text;
using FaceGuard.Analysis.Charts;
using FaceGuard.Analysis.Logs;
using static FaceGuard.Analysis.InvariantText;

namespace FaceGuard.Analysis.Reports;

/// <summary>
/// A self-contained page about a run known only from Locust's _stats_history.csv. It shows what Locust aggregated
/// (per-second counts, its cumulative percentiles) and says plainly that it is not a per-request log: none of the
/// per-request statistics, verdicts or resource readings can be computed from it.
/// </summary>
public static class LocustHistoryReport
{
    public static string Render(LocustHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var final = history.Final;
        var html = new StringBuilder(PlotlyJs.Library.Length + 50_000);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(E($"Locust run: {Path.GetFileName(history.Source)}")).Append("</title>\n")
            .Append("<style>\n").Append(ReportCss.Text).Append("</style>\n")
            .Append(PlotlyJs.ScriptElement).Append('\n')
            .Append("</head>\n<body>\n<main>\n<header>\n<h1>").Append(E($"Locust run: {Path.GetFileName(history.Source)}")).Append("</h1>\n")
            .Append("<p class=\"sub\" id=\"aggregated\"><strong>").Append(E(LocustHistory.Label)).Append("</strong>. ")
            .Append(E("Percentiles are Locust's own, cumulative from the start and over whole milliseconds; a request-by-request log " +
                      "(faceguard bench --engine locust writes one) gives the full statistics, verdicts and the service's CPU and memory."))
            .Append("</p>\n</header>\n<section id=\"summary\">\n<h2>Summary</h2>\n<table>\n<tbody>\n");
        Row(html, "Seconds of history", Count(history.Rows.Count));
        Row(html, "Duration", $"{Number(history.DurationS, 0)} s");
        Row(html, "Users (max)", history.Rows.Count == 0 ? Missing : Count(history.Rows.Max(r => r.Users)));
        Row(html, "Requests (Locust's total)", final is null ? Missing : Count(final.TotalRequests));
        Row(html, "Failures (Locust's total)", final is null ? Missing : Count(final.TotalFailures));
        Row(html, "Mean requests/s", final is null || history.DurationS <= 0 ? Missing : Number(final.TotalRequests / history.DurationS, 2));
        Row(html, "Average response time", final is null ? Missing : $"{Number(final.TotalAverageMs, 1)} ms");
        Row(html, "p50 / p95 / p99 / max at the end", final is null ? Missing
            : $"{Number(final.P50Ms ?? double.NaN, 0)} / {Number(final.P95Ms ?? double.NaN, 0)} / {Number(final.P99Ms ?? double.NaN, 0)} / {Number(final.MaxMs ?? double.NaN, 0)} ms");
        html.Append("</tbody>\n</table>\n</section>\n<section id=\"charts\">\n<h2>Over time</h2>\n<figure>")
            .Append(ChartHtml.Render(LocustHistoryChart.Create(history), "chart-locust-history")).Append("</figure>\n</section>\n")
            .Append("<footer>").Append(E($"FaceGuard.Analysis report of {history.Source}. {LocustHistory.Label}.")).Append("</footer>\n")
            .Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static void Save(string path, LocustHistory history)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Render(history), new UTF8Encoding(false));
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th scope=\"row\">").Append(E(name)).Append("</th><td class=\"num\">").Append(E(value)).Append("</td></tr>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
