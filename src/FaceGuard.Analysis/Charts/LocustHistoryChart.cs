using FaceGuard.Analysis.Logs;
using Plotly.NET;
using CsChart = Plotly.NET.CSharp.Chart;

namespace FaceGuard.Analysis.Charts;

/// <summary>Locust's per-second history: its cumulative p50/p95/p99 and the requests per second, as Locust aggregated them.</summary>
public static class LocustHistoryChart
{
    public const string Title = "Locust's aggregated percentiles (cumulative) and requests/s";

    public static GenericChart Create(LocustHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var rows = history.Rows.Where(r => r.TotalRequests > 0).ToList();
        var x = rows.Select(r => r.ElapsedS).ToList();
        GenericChart Percentile(Func<LocustHistoryRow, double?> value, string name, Color color) =>
            CsChart.Line<double, double, string>(x: x, y: rows.Select(r => value(r) ?? double.NaN), Name: name, LineColor: color, MarkerColor: color, UseDefaults: false);
        var throughput = CsChart.Line<double, double, string>(x: x, y: rows.Select(r => r.RequestsPerS), Name: "requests/s",
            LineColor: ChartStyle.MemoryColor, MarkerColor: ChartStyle.MemoryColor, UseDefaults: false);
        return ChartStyle.Finish(CsChart.Combine(
        [
            Percentile(r => r.P50Ms, "p50 (ms)", ChartStyle.LatencyColor),
            Percentile(r => r.P95Ms, "p95 (ms)", ChartStyle.CpuColor),
            Percentile(r => r.P99Ms, "p99 (ms)", ChartStyle.FailedColor),
            throughput,
        ]), Title, "Time since start (s)", "ms, or requests/s");
    }
}
