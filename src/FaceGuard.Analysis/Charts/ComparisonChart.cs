using Plotly.NET;
using CsChart = Plotly.NET.CSharp.Chart;

namespace FaceGuard.Analysis.Charts;

/// <summary>The latency CDFs of a baseline and the current run on one chart: a shift right is a slowdown.</summary>
public static class ComparisonChart
{
    public const string Title = "Latency CDF: baseline vs current";

    public static GenericChart Create(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var (baselineMs, baselinePercent) = Ecdf.Of(comparison.BaselineLatenciesMs);
        var (currentMs, currentPercent) = Ecdf.Of(comparison.CurrentLatenciesMs);
        var chart = CsChart.Combine(
        [
            CsChart.Line<double, double, string>(
                x: baselineMs, y: baselinePercent, Name: ChartStyle.Text($"Baseline: {comparison.BaselineName}"),
                LineColor: ChartStyle.BaselineColor, LineDash: StyleParam.DrawingStyle.Dot, LineWidth: 2, UseDefaults: false),
            CsChart.Line<double, double, string>(
                x: currentMs, y: currentPercent, Name: ChartStyle.Text($"Current: {comparison.CurrentName}"),
                LineColor: ChartStyle.LatencyColor, LineWidth: 2, UseDefaults: false),
        ]);
        return ChartStyle.Finish(chart, Title, "Latency (ms)", "Requests at or below (%)");
    }
}
