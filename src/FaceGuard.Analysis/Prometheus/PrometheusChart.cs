using FaceGuard.Analysis.Charts;
using Plotly.NET;
using CsChart = Plotly.NET.CSharp.Chart;

namespace FaceGuard.Analysis.Prometheus;

/// <summary>
/// Every series of a query result as a line over time, styled like the report's charts, with an optional dashed
/// threshold (e.g. the 200 MB memory alert). Legends name a series by the labels that tell it from the others.
/// NaN samples (Prometheus' answer where there was nothing to compute, e.g. a quantile without traffic) leave a gap.
/// </summary>
public static class PrometheusChart
{
    /// <param name="scale">Multiplies every value, e.g. 1.0 / (1024 * 1024) to draw bytes as MB.</param>
    /// <param name="threshold">A horizontal limit line at this value (after scaling), or none.</param>
    public static GenericChart Create(PrometheusResult result, string title, string yTitle, double scale = 1, double? threshold = null, string? thresholdName = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var colors = new[] { ChartStyle.LatencyColor, ChartStyle.MemoryColor, ChartStyle.CpuColor, ChartStyle.BaselineColor, ChartStyle.FailedColor };
        var traces = new List<GenericChart>();
        for (int i = 0; i < result.Series.Count; i++)
        {
            var series = result.Series[i];
            var color = colors[i % colors.Length];
            traces.Add(CsChart.Line<DateTime, double, string>(
                x: series.Samples.Select(s => s.Timestamp.UtcDateTime),
                y: series.Samples.Select(s => s.Value * scale),
                ShowMarkers: series.Samples.Count <= ChartStyle.MarkerLimit,
                Name: ChartStyle.Text(result.ShortName(series)),
                LineColor: color,
                MarkerColor: color,
                UseDefaults: false));
        }

        var times = result.Series.SelectMany(s => s.Samples).Select(s => s.Timestamp.UtcDateTime).ToList();
        if (threshold is { } limit && times.Count > 0)
        {
            traces.Add(CsChart.Line<DateTime, double, string>(
                x: [times.Min(), times.Max()],
                y: [limit, limit],
                Name: ChartStyle.Text(thresholdName ?? $"Threshold {InvariantText.Number(limit, 1)}"),
                LineColor: ChartStyle.ThresholdColor,
                LineDash: StyleParam.DrawingStyle.Dash,
                LineWidth: 1.5,
                UseDefaults: false));
        }

        var chart = traces.Count == 0 ? CsChart.Line<DateTime, double, string>(x: [], y: [], UseDefaults: false) : CsChart.Combine(traces);
        return ChartStyle.Finish(chart, ChartStyle.Text(title), "Time (UTC)", ChartStyle.Text(yTitle));
    }
}
