using FaceGuard.Analysis.Charts;
using FaceGuard.Analysis.Logs;
using Microsoft.Data.Analysis;
using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Charts;

public class MemoryTrendChartTests
{
    private static PlotlyJson Chart(RunLog log, AlertThresholds? thresholds = null) =>
        PlotlyJson.Of(MemoryTrendChart.Create(log, RunAnalysis.Of(log, thresholds)));

    [Fact]
    public void Resource_samples_are_drawn_over_time_under_a_dashed_200_MB_threshold()
    {
        var log = Realistic();
        var chart = Chart(log);

        var memory = chart.Trace("Memory (MB)");
        Assert.Equal(((PrimitiveDataFrameColumn<double>)log.Resources[ResourceLogColumns.ElapsedS]).Select(v => v!.Value), PlotlyJson.Numbers(memory, "x"));
        Assert.Equal(((PrimitiveDataFrameColumn<double>)log.Resources[ResourceLogColumns.MemoryMb]).Select(v => v!.Value), PlotlyJson.Numbers(memory, "y"));
        var threshold = chart.Trace("Threshold 200 MB");
        Assert.Equal([200.0, 200.0], PlotlyJson.Numbers(threshold, "y"));
        Assert.Equal([0.0, 62.5], PlotlyJson.Numbers(threshold, "x"));
        Assert.Equal("dash", threshold.GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("Memory of the service process", chart.Title);
        Assert.Equal("Time since start (s)", chart.AxisTitle("xaxis"));
        Assert.Equal("Memory (MB)", chart.AxisTitle("yaxis"));
    }

    [Fact]
    public void A_classic_log_draws_the_memory_column_of_its_rows()
    {
        var log = new RunLog([Request(1, 100, memoryMb: 120.5), Request(2, 100, memoryMb: 121.25)], []);

        var memory = Chart(log, new AlertThresholds(MemoryMb: 150)).Trace("Memory (MB)");

        Assert.Equal([0.0, 0.5], PlotlyJson.Numbers(memory, "x"));
        Assert.Equal([120.5, 121.25], PlotlyJson.Numbers(memory, "y"));
        Assert.Contains("Threshold 150 MB", Chart(log, new AlertThresholds(MemoryMb: 150)).TraceNames);
    }
}
