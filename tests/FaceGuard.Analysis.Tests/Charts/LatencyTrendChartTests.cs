using FaceGuard.Analysis.Charts;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Tests.Reports;
using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Charts;

public class LatencyTrendChartTests
{
    private static PlotlyJson Chart(RunLog log, AlertThresholds? thresholds = null) =>
        PlotlyJson.Of(LatencyTrendChart.Create(log, RunAnalysis.Of(log, thresholds)));

    [Fact]
    public void Latency_is_on_the_left_axis_and_cpu_on_a_second_axis_on_the_right()
    {
        var chart = Chart(Realistic());

        Assert.Equal("Latency and CPU per request", chart.Title);
        Assert.Equal("Request ID", chart.AxisTitle("xaxis"));
        Assert.Equal("Latency (ms)", chart.AxisTitle("yaxis"));
        Assert.Equal("CPU (% of one core)", chart.AxisTitle("yaxis2"));
        Assert.Equal("right", chart.Layout.GetProperty("yaxis2").GetProperty("side").GetString());
        Assert.Equal("y", chart.Layout.GetProperty("yaxis2").GetProperty("overlaying").GetString());
        Assert.Equal("y2", chart.Trace("CPU (%)").GetProperty("yaxis").GetString());
        Assert.False(chart.Trace("Latency (ms)").TryGetProperty("yaxis", out _));
    }

    [Fact]
    public void Every_measured_latency_is_drawn_at_its_request_id()
    {
        var log = Realistic();
        var latency = Chart(log).Trace("Latency (ms)");

        var measured = log.Rows().Where(r => !r.Warmup && !r.Failed).ToList();
        Assert.Equal(measured.Select(r => (double)r.RequestId), PlotlyJson.Numbers(latency, "x"));
        Assert.Equal(measured.Select(r => r.LatencyMs!.Value), PlotlyJson.Numbers(latency, "y"));
        Assert.Equal(log.Rows().Select(r => r.CpuPercent!.Value), PlotlyJson.Numbers(Chart(log).Trace("CPU (%)"), "y"));
    }

    [Fact]
    public void Failed_requests_are_marked_at_zero_with_their_error()
    {
        var failed = Chart(Latencies(100, null, 120, null)).Trace("Failed request");

        Assert.Equal([2.0, 4.0], PlotlyJson.Numbers(failed, "x"));
        Assert.Equal([0.0, 0.0], PlotlyJson.Numbers(failed, "y"));
        Assert.Equal("markers", failed.GetProperty("mode").GetString());
        Assert.Equal("4", failed.GetProperty("marker").GetProperty("symbol").GetString()); // plotly's symbol number for "x"
        Assert.Equal("#2 failed: 503 Service Unavailable", failed.GetProperty("text")[0].GetString());
    }

    [Fact]
    public void Warm_up_is_drawn_apart_from_the_measured_requests()
    {
        var chart = Chart(Realistic());

        Assert.Equal([1.0, 2, 3, 4, 5], PlotlyJson.Numbers(chart.Trace("Warm-up latency (ms)"), "x"));
        Assert.DoesNotContain(1.0, PlotlyJson.Numbers(chart.Trace("Latency (ms)"), "x"));
    }

    [Fact]
    public void The_latency_threshold_is_dashed_when_latencies_come_near_it()
    {
        var near = Chart(Latencies(100, 300)).Trace("Threshold 500 ms");

        Assert.Equal([500.0, 500.0], PlotlyJson.Numbers(near, "y"));
        Assert.Equal([1.0, 2.0], PlotlyJson.Numbers(near, "x"));
        Assert.Equal("dash", near.GetProperty("line").GetProperty("dash").GetString());
        Assert.DoesNotContain("Threshold 500 ms", Chart(Latencies(100, 200)).TraceNames);
        Assert.Contains("Threshold 150 ms", Chart(Latencies(100, 200), new AlertThresholds(LatencyMs: 150)).TraceNames);
    }

    [Fact]
    public void Without_cpu_readings_there_is_no_second_axis()
    {
        var chart = Chart(Latencies(100, 110));

        Assert.DoesNotContain("CPU (%)", chart.TraceNames);
        Assert.False(chart.Layout.TryGetProperty("yaxis2", out _));
    }
}
