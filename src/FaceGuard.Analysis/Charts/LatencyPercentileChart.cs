using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Logs;
using Microsoft.Data.Analysis;
using Plotly.NET;
using Plotly.NET.CSharp;
using static FaceGuard.Analysis.InvariantText;
using CsChart = Plotly.NET.CSharp.Chart;

namespace FaceGuard.Analysis.Charts;

/// <summary>The latency CDF of the measured successful requests with p50, p90, p95 and p99 marked, and the latency
/// threshold dashed when the slowest request comes near it. Computed from every request, drawn at up to
/// <see cref="Ecdf.MaxPoints"/> points.</summary>
public static class LatencyPercentileChart
{
    public const string Title = "Latency percentiles (CDF)";

    public static GenericChart Create(RunLog log, RunAnalysis analysis) => Create(log.Requests, analysis);

    public static GenericChart Create(DataFrame requests, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return Create(RequestView.Of(requests), analysis);
    }

    internal static GenericChart Create(RequestView view, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var (valuesMs, percent) = Ecdf.Of(RequestView.At(view.LatencyMs, view.MeasuredSucceeded));
        var d = analysis.LatencyMs;
        // Labels go where a CDF leaves room: right of (below) the curve, and above it for p99.
        (string Label, double Percent, double ValueMs, StyleParam.TextPosition Position)[] marks =
        [
            ("p50", 50, d.Median, StyleParam.TextPosition.MiddleRight),
            ("p90", 90, d.P90, StyleParam.TextPosition.BottomRight),
            ("p95", 95, d.P95, StyleParam.TextPosition.MiddleRight),
            ("p99", 99, d.P99, StyleParam.TextPosition.TopLeft),
        ];
        marks = marks.Where(m => double.IsFinite(m.ValueMs)).ToArray();

        List<GenericChart> traces =
        [
            CsChart.Line<double, double, string>(x: valuesMs, y: percent, Name: "Requests at or below", LineColor: ChartStyle.LatencyColor, UseDefaults: false),
            CsChart.Scatter<double, double, string>(
                x: marks.Select(m => m.ValueMs), y: marks.Select(m => m.Percent), mode: StyleParam.Mode.Markers_Text,
                Name: "Percentiles", MarkerColor: ChartStyle.CpuColor,
                MultiText: marks.Select(m => $"{m.Label} {Ms(m.ValueMs)} ms").ToArray(), MultiTextPosition: marks.Select(m => m.Position).ToArray(), UseDefaults: false),
        ];
        var threshold = analysis.Thresholds.LatencyMs;
        if (d.Max >= threshold / 2)
        {
            traces.Add(ChartStyle.LimitLine(threshold, 0, threshold, 100, $"Threshold {Ms(threshold)} ms"));
        }

        return ChartStyle.Finish(CsChart.Combine(traces), Title, "Latency (ms)", "Requests at or below (%)")
            .WithYAxisStyle<double, double, string>(MinMax: Tuple.Create(-2.0, 108.0));
    }
}
