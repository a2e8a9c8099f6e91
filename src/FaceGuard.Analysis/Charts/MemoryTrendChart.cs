using FaceGuard.Analysis.Logs;
using Plotly.NET;
using static FaceGuard.Analysis.InvariantText;
using CsChart = Plotly.NET.CSharp.Chart;

namespace FaceGuard.Analysis.Charts;

/// <summary>Memory of the service process over the run, with the memory threshold as a dashed line: the resource
/// samples, or for a classic log the Memory_MB of the request rows.</summary>
public static class MemoryTrendChart
{
    public const string Title = "Memory of the service process";

    public static GenericChart Create(RunLog log, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(analysis);
        var points = log.Resources.Count > 0
            ? log.Resources.Select(s => (s.ElapsedS, s.MemoryMb)).ToList()
            : log.Requests.Where(r => r.MemoryMb is not null).Select(r => (r.ElapsedS, MemoryMb: r.MemoryMb!.Value)).ToList();
        var markers = points.Count <= ChartStyle.MarkerLimit;
        var threshold = analysis.Thresholds.MemoryMb;
        var (start, end) = points.Count > 0 ? (points.Min(p => p.ElapsedS), points.Max(p => p.ElapsedS)) : (0.0, 1.0);

        var chart = CsChart.Combine(
        [
            CsChart.Line<double, double, string>(
                x: points.Select(p => p.ElapsedS), y: points.Select(p => p.MemoryMb),
                ShowMarkers: markers, Name: "Memory (MB)", LineColor: ChartStyle.MemoryColor, MarkerColor: ChartStyle.MemoryColor, UseDefaults: false),
            ChartStyle.LimitLine(start, threshold, end, threshold, $"Threshold {Number(threshold, 1)} MB"),
        ]);
        return ChartStyle.Finish(chart, Title, "Time since start (s)", "Memory (MB)");
    }
}
