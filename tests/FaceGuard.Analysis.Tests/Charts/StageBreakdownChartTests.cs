using FaceGuard.Analysis.Charts;
using FaceGuard.Analysis.Logs;
using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Charts;

public class StageBreakdownChartTests
{
    [Fact]
    public void Each_reported_stage_gets_a_box_of_its_durations()
    {
        var log = new RunLog(
        [
            Request(1, 100) with { DecodeMs = 10, DetectMs = 60, EncodeMs = 5 },
            Request(2, 110) with { DecodeMs = 12.5, DetectMs = 70, EncodeMs = 6 },
            Request(3, 900, warmup: true) with { DecodeMs = 400, DetectMs = 400, EncodeMs = 400 },
        ], []);

        var chart = PlotlyJson.Of(StageBreakdownChart.Create(log));

        Assert.Equal(["Decode", "Detect", "Encode"], chart.TraceNames);
        Assert.All(chart.Data.EnumerateArray(), box => Assert.Equal("box", box.GetProperty("type").GetString()));
        Assert.Equal([10.0, 12.5], PlotlyJson.Numbers(chart.Trace("Decode"), "y"));
        Assert.Equal("Duration (ms)", chart.AxisTitle("yaxis"));
        Assert.Equal("Time per processing stage", chart.Title);
    }
}
