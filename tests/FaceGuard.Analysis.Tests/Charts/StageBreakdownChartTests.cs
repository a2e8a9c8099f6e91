using FaceGuard.Analysis.Charts;
using FaceGuard.Analysis.Logs;
using FaceGuard.Engine;
using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Charts;

public class StageBreakdownChartTests
{
    [Fact]
    public void Each_reported_stage_gets_a_box_from_its_quartiles_without_warm_up()
    {
        var log = new RunLog(
        [
            Request(1, 100) with { Stages = new StageTimings(10, 60, double.NaN, 5) },
            Request(2, 110) with { Stages = new StageTimings(12.5, 70, double.NaN, 6) },
            Request(3, 120) with { Stages = new StageTimings(15, 80, double.NaN, 7) },
            Request(4, 900, warmup: true) with { Stages = new StageTimings(400, 400, double.NaN, 400) },
        ], []);

        var chart = PlotlyJson.Of(StageBreakdownChart.Create(RunAnalysis.Of(log)));

        var box = Assert.Single(chart.Data.EnumerateArray());
        Assert.Equal("box", box.GetProperty("type").GetString());
        Assert.Equal(["Decode", "Detect", "Encode"], box.GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal([12.5, 70, 6], PlotlyJson.Numbers(box, "median"));
        Assert.Equal([10.0, 60, 5], PlotlyJson.Numbers(box, "lowerfence"));
        Assert.Equal([15.0, 80, 7], PlotlyJson.Numbers(box, "upperfence"));
        Assert.Equal("Duration (ms)", chart.AxisTitle("yaxis"));
        Assert.StartsWith("Time per processing stage", chart.Title);
    }

    [Fact]
    public void A_log_without_stage_timings_draws_no_boxes()
    {
        var chart = PlotlyJson.Of(StageBreakdownChart.Create(RunAnalysis.Of(Latencies(100, 110))));

        Assert.Empty(PlotlyJson.Numbers(chart.Data[0], "median"));
    }
}
