using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Logs;
using Microsoft.Data.Analysis;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using static FaceGuard.Analysis.InvariantText;
using CsChart = Plotly.NET.CSharp.Chart;
using FsChart = Plotly.NET.Chart;

namespace FaceGuard.Analysis.Charts;

/// <summary>
/// Latency of every request with the service's CPU on a second y axis — the matplotlib twinx chart users draw:
/// latency on the left, CPU on the right, failed requests marked at 0 ms, warm-up in grey, and the latency
/// threshold dashed when the latencies come near it. Long runs are drawn reduced (<see cref="ReducedTrace"/>), and
/// the title says so.
/// </summary>
public static class LatencyTrendChart
{
    public const string Title = "Latency and CPU per request";

    /// <summary>At most this many failed requests are marked one by one; the title counts the rest.</summary>
    public const int MaxFailureMarks = 2000;

    public static GenericChart Create(RunLog log, RunAnalysis analysis) => Create(log.Requests, analysis);

    public static GenericChart Create(DataFrame requests, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return Create(RequestView.Of(requests), analysis);
    }

    internal static GenericChart Create(RequestView view, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var rows = Enumerable.Range(0, view.Count).ToArray();
        var measured = Trace(view, rows.Where(i => !view.Warmup[i] && !view.Failed(i)), view.LatencyMs);
        var warmup = Trace(view, rows.Where(i => view.Warmup[i] && !view.Failed(i)), view.LatencyMs);
        var failed = rows.Where(view.Failed).ToArray();
        var cpu = Trace(view, rows.Where(i => !double.IsNaN(view.CpuPercent[i])), view.CpuPercent);
        bool markers = view.Count <= ChartStyle.MarkerLimit;

        List<GenericChart> traces = [];
        if (warmup.X.Length > 0)
        {
            traces.Add(Line(warmup, "Warm-up latency (ms)", ChartStyle.WarmupColor, markers));
        }

        traces.Add(Line(measured, "Latency (ms)", ChartStyle.LatencyColor, markers));

        if (failed.Length > 0)
        {
            var marked = failed.Take(MaxFailureMarks).ToArray();
            traces.Add(CsChart.Point<double, double, string>(
                x: marked.Select(i => (double)(view.RequestId[i] ?? i + 1)), y: marked.Select(_ => 0.0),
                Name: "Failed request", MarkerColor: ChartStyle.FailedColor, MarkerSymbol: StyleParam.MarkerSymbol.X,
                MultiText: marked.Select(i => ChartStyle.Text($"#{Count(view.RequestId[i] ?? i + 1)} failed: {view.Error[i] ?? view.Status[i]?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no error message"}")).ToArray(),
                UseWebGL: marked.Length > ChartStyle.MarkerLimit, UseDefaults: false));
        }

        var threshold = analysis.Thresholds.LatencyMs;
        if (view.Count > 0 && analysis.LatencyMs.Max >= threshold / 2)
        {
            var ids = rows.Select(i => (double)(view.RequestId[i] ?? i + 1)).ToArray();
            traces.Add(ChartStyle.LimitLine(ids.Min(), threshold, ids.Max(), threshold, $"Threshold {Ms(threshold)} ms"));
        }

        if (cpu.X.Length > 0)
        {
            var cpuLine = CsChart.Line<double, double, string>(
                x: cpu.X, y: cpu.Y, Name: "CPU (%)", LineColor: ChartStyle.CpuColor, LineWidth: 1.5, Opacity: 0.8,
                UseWebGL: cpu.X.Length > ChartStyle.MarkerLimit, UseDefaults: false);
            traces.Add(FsChart.withAxisAnchor(X: FSharpOption<int>.None, Y: FSharpOption<int>.Some(2)).Invoke(cpuLine));
        }

        var chart = CsChart.Combine(traces);
        if (cpu.X.Length > 0)
        {
            chart = chart.WithYAxisStyle<double, double, string>(
                TitleText: "CPU (% of one core)",
                Side: StyleParam.Side.Right,
                Overlaying: StyleParam.LinearAxisId.NewY(1),
                ShowGrid: false,
                Id: StyleParam.SubPlotId.NewYAxis(2));
        }

        string note = measured.Note("requests") + (failed.Length > MaxFailureMarks ? $" (the first {Count(MaxFailureMarks)} of {Count(failed.Length)} failures marked)" : "");
        return ChartStyle.Finish(chart, Title + note, "Request ID", "Latency (ms)");
    }

    private static ReducedTrace Trace(RequestView view, IEnumerable<int> rows, double[] values)
    {
        var picked = rows.OrderBy(i => view.RequestId[i] ?? i + 1).ToArray();
        return ReducedTrace.Of(picked.Select(i => (double)(view.RequestId[i] ?? i + 1)).ToArray(), picked.Select(i => values[i]).ToArray());
    }

    private static GenericChart Line(ReducedTrace trace, string name, Color color, bool markers) =>
        CsChart.Line<double, double, string>(
            x: trace.X, y: trace.Y, ShowMarkers: markers, Name: name, LineColor: color, MarkerColor: color,
            UseWebGL: trace.X.Length > ChartStyle.MarkerLimit, UseDefaults: false);
}
