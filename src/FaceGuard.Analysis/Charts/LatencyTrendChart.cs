using FaceGuard.Analysis.Logs;
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
/// threshold dashed when the latencies come near it.
/// </summary>
public static class LatencyTrendChart
{
    public const string Title = "Latency and CPU per request";

    public static GenericChart Create(RunLog log, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(analysis);
        var markers = log.Requests.Count <= ChartStyle.MarkerLimit;
        var measured = log.Requests.Where(r => !r.Warmup && !r.Failed).ToList();
        var warmup = log.Requests.Where(r => r.Warmup && !r.Failed).ToList();
        var failed = log.Requests.Where(r => r.Failed).ToList();
        var cpu = log.Requests.Where(r => r.CpuPercent is not null).ToList();

        List<GenericChart> traces = [];
        if (warmup.Count > 0)
        {
            traces.Add(CsChart.Line<double, double, string>(
                x: Ids(warmup), y: warmup.Select(r => r.LatencyMs!.Value),
                ShowMarkers: markers, Name: "Warm-up latency (ms)", LineColor: ChartStyle.WarmupColor, MarkerColor: ChartStyle.WarmupColor, UseDefaults: false));
        }

        traces.Add(CsChart.Line<double, double, string>(
            x: Ids(measured), y: measured.Select(r => r.LatencyMs!.Value),
            ShowMarkers: markers, Name: "Latency (ms)", LineColor: ChartStyle.LatencyColor, MarkerColor: ChartStyle.LatencyColor, UseDefaults: false));

        if (failed.Count > 0)
        {
            traces.Add(CsChart.Point<double, double, string>(
                x: Ids(failed), y: failed.Select(_ => 0.0),
                Name: "Failed request", MarkerColor: ChartStyle.FailedColor, MarkerSymbol: StyleParam.MarkerSymbol.X,
                MultiText: failed.Select(r => ChartStyle.Text($"#{Count(r.RequestId)} failed: {r.Error ?? r.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no error message"}")).ToArray(),
                UseDefaults: false));
        }

        var threshold = analysis.Thresholds.LatencyMs;
        if (log.Requests.Count > 0 && analysis.LatencyMs.Max >= threshold / 2)
        {
            traces.Add(ChartStyle.LimitLine(log.Requests.Min(r => r.RequestId), threshold, log.Requests.Max(r => r.RequestId), threshold,
                $"Threshold {Ms(threshold)} ms"));
        }

        if (cpu.Count > 0)
        {
            var cpuLine = CsChart.Line<double, double, string>(
                x: Ids(cpu), y: cpu.Select(r => r.CpuPercent!.Value),
                Name: "CPU (%)", LineColor: ChartStyle.CpuColor, LineWidth: 1.5, Opacity: 0.8, UseDefaults: false);
            traces.Add(FsChart.withAxisAnchor(X: FSharpOption<int>.None, Y: FSharpOption<int>.Some(2)).Invoke(cpuLine));
        }

        var chart = CsChart.Combine(traces);
        if (cpu.Count > 0)
        {
            chart = chart.WithYAxisStyle<double, double, string>(
                TitleText: "CPU (% of one core)",
                Side: StyleParam.Side.Right,
                Overlaying: StyleParam.LinearAxisId.NewY(1),
                ShowGrid: false,
                Id: StyleParam.SubPlotId.NewYAxis(2));
        }

        return ChartStyle.Finish(chart, Title, "Request ID", "Latency (ms)");
    }

    private static IEnumerable<double> Ids(IEnumerable<RequestRecord> requests) => requests.Select(r => (double)r.RequestId);
}
