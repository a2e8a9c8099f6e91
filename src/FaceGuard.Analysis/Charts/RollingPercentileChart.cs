using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Statistics;
using Microsoft.Data.Analysis;
using Plotly.NET;
using static FaceGuard.Analysis.InvariantText;
using CsChart = Plotly.NET.CSharp.Chart;

namespace FaceGuard.Analysis.Charts;

/// <summary>
/// p50 and p95 of the measured successful requests in consecutive windows of the run's time, for long runs: whether
/// the service got slower as the run went on, which a per-request trace of a million points cannot show. Every
/// request counts in its window.
/// </summary>
public static class RollingPercentileChart
{
    public const string Title = "Latency p50 and p95 over time";

    /// <summary>The run is cut into this many windows of equal time, or fewer when each would hold under
    /// <see cref="MinPerWindow"/> requests.</summary>
    public const int MaxWindows = 100;

    public const int MinPerWindow = 20;

    public static GenericChart Create(RunLog log, RunAnalysis analysis) => Create(log.Requests, analysis);

    public static GenericChart Create(DataFrame requests, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return Create(RequestView.Of(requests), analysis);
    }

    internal static GenericChart Create(RequestView view, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var windows = Windows(view);
        var threshold = analysis.Thresholds.LatencyMs;
        List<GenericChart> traces =
        [
            CsChart.Line<double, double, string>(x: windows.Select(w => w.MidS), y: windows.Select(w => w.P50), ShowMarkers: windows.Count <= 60,
                Name: "p50", LineColor: ChartStyle.LatencyColor, MarkerColor: ChartStyle.LatencyColor, UseDefaults: false),
            CsChart.Line<double, double, string>(x: windows.Select(w => w.MidS), y: windows.Select(w => w.P95), ShowMarkers: windows.Count <= 60,
                Name: "p95", LineColor: ChartStyle.CpuColor, MarkerColor: ChartStyle.CpuColor, UseDefaults: false),
        ];
        if (windows.Count > 0 && windows.Max(w => w.P95) >= threshold / 2)
        {
            traces.Add(ChartStyle.LimitLine(windows[0].MidS, threshold, windows[^1].MidS, threshold, $"Threshold {Ms(threshold)} ms"));
        }

        string width = windows.Count > 0 ? $" (windows of {Number(windows[0].WidthS, 1)} s)" : "";
        return ChartStyle.Finish(CsChart.Combine(traces), Title + width, "Time since start (s)", "Latency (ms)");
    }

    internal sealed record Window(double MidS, double WidthS, int Requests, double P50, double P95);

    internal static List<Window> Windows(RequestView view)
    {
        var rows = view.MeasuredSucceeded.Where(i => !double.IsNaN(view.ElapsedS[i])).ToArray();
        if (rows.Length == 0) return [];
        double start = rows.Min(i => view.ElapsedS[i]), end = rows.Max(i => view.ElapsedS[i]);
        int count = Math.Clamp(rows.Length / MinPerWindow, 1, MaxWindows);
        double width = Math.Max((end - start) / count, 1e-9);
        var buckets = Enumerable.Range(0, count).Select(_ => new List<double>()).ToArray();
        foreach (int i in rows) buckets[Math.Min(count - 1, (int)((view.ElapsedS[i] - start) / width))].Add(view.LatencyMs[i]);
        return buckets
            .Select((latencies, index) => (latencies, index))
            .Where(b => b.latencies.Count > 0)
            .Select(b =>
            {
                var sorted = Quantiles.Sorted(b.latencies);
                return new Window(start + (b.index + 0.5) * width, width, sorted.Length, Quantiles.OfSorted(sorted, 0.5), Quantiles.OfSorted(sorted, 0.95));
            })
            .ToList();
    }
}
