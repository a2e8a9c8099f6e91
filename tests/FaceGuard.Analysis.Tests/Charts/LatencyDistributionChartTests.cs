using FaceGuard.Analysis.Charts;
using FaceGuard.Analysis.Tests.Reports;
using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Charts;

public class LatencyDistributionChartTests
{
    [Fact]
    public void The_histogram_counts_the_measured_successful_latencies()
    {
        var log = Realistic();

        var chart = PlotlyJson.Of(LatencyHistogramChart.Create(log));

        var bars = chart.Data[0];
        Assert.Equal("bar", bars.GetProperty("type").GetString());
        Assert.Equal(log.LatenciesMs().Length, PlotlyJson.Numbers(bars, "y").Sum());
        Assert.Equal("Latency (ms)", chart.AxisTitle("xaxis"));
        Assert.Equal("Requests", chart.AxisTitle("yaxis"));
    }

    [Fact]
    public void Bins_have_a_round_width_and_count_every_latency_once()
    {
        // 149 ms of range over at most 60 bins: 2.48 ms rounds up to 5 ms bins starting at 100 ms.
        var bars = PlotlyJson.Of(LatencyHistogramChart.Create(Latencies(101, 102, 104.9, 250, null))).Data[0];

        var centers = PlotlyJson.Numbers(bars, "x");
        var counts = PlotlyJson.Numbers(bars, "y");
        Assert.Equal(31, centers.Length);
        Assert.Equal(102.5, centers[0]);
        Assert.Equal(252.5, centers[^1]);
        Assert.Equal(3, counts[0]);
        Assert.Equal(1, counts[^1]);
        Assert.Equal(4, counts.Sum());
    }

    [Fact]
    public void The_cdf_rises_to_100_percent_with_p50_p90_p95_and_p99_marked()
    {
        var log = Latencies(100, 110, 120, 130, 340);

        var chart = PlotlyJson.Of(LatencyPercentileChart.Create(log, RunAnalysis.Of(log)));

        var cdf = chart.Trace("Requests at or below");
        Assert.Equal([100.0, 110, 120, 130, 340], PlotlyJson.Numbers(cdf, "x"));
        Assert.Equal([20.0, 40, 60, 80, 100], PlotlyJson.Numbers(cdf, "y"));
        var marks = chart.Trace("Percentiles");
        Assert.Equal([120.0, 256, 298, 331.6], PlotlyJson.Numbers(marks, "x").Select(v => Math.Round(v, 9)));
        Assert.Equal([50.0, 90, 95, 99], PlotlyJson.Numbers(marks, "y"));
        Assert.Equal(["p50 120 ms", "p90 256 ms", "p95 298 ms", "p99 332 ms"], marks.GetProperty("text").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Requests at or below (%)", chart.AxisTitle("yaxis"));
    }

    [Fact]
    public void A_long_run_is_thinned_to_at_most_2000_cdf_points_keeping_the_slowest()
    {
        var log = Latencies(Enumerable.Range(1, 5000).Select(i => (double?)i).ToArray());

        var cdf = PlotlyJson.Of(LatencyPercentileChart.Create(log, RunAnalysis.Of(log))).Trace("Requests at or below");

        var x = PlotlyJson.Numbers(cdf, "x");
        Assert.InRange(x.Length, 1000, 2000);
        Assert.Equal(5000, x[^1]);
        Assert.Equal(100, PlotlyJson.Numbers(cdf, "y")[^1]);
    }
}
