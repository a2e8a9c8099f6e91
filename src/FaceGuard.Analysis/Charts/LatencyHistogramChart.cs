using FaceGuard.Analysis.Logs;
using Plotly.NET;
using CsChart = Plotly.NET.CSharp.Chart;
using FsChart = Plotly.NET.Chart;

namespace FaceGuard.Analysis.Charts;

/// <summary>How the latencies of the measured successful requests are spread.</summary>
public static class LatencyHistogramChart
{
    public const string Title = "Latency histogram";

    /// <summary>plotly.js picks round bin widths giving at most this many bins.</summary>
    public const int MaxBins = 60;

    public static GenericChart Create(RunLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var chart = CsChart.Histogram<double, double, string>(
            X: log.LatenciesMs, Name: "Requests", MarkerColor: ChartStyle.LatencyColor, Opacity: 0.85, NBinsX: MaxBins, UseDefaults: false);
        var gaps = new Layout();
        gaps.SetProperty("bargap", 0.05);
        return ChartStyle.Finish(FsChart.withLayout(gaps).Invoke(chart), Title, "Latency (ms)", "Requests", showLegend: false);
    }
}
