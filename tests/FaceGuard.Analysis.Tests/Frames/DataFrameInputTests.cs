using FaceGuard.Analysis.Charts;
using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Statistics;
using FaceGuard.Analysis.Tests.Charts;
using FaceGuard.Analysis.Tests.Reports;
using Microsoft.Data.Analysis;
using Columns = FaceGuard.Analysis.Logs.RequestLogColumns;
using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Frames;

/// <summary>What a notebook holds is a DataFrame it filtered or grouped; the statistics and charts take it as it is.</summary>
public class DataFrameInputTests
{
    [Fact]
    public void A_frame_filtered_to_one_image_is_analysed_as_those_requests_alone()
    {
        var log = Realistic();
        var frame = log.Requests;

        var oneImage = frame.Filter(frame[Columns.Image].ElementwiseEquals("photo3.jpg"));
        var analysis = RunAnalysis.Of(oneImage);

        var expected = log.MeasuredRows().Where(r => r.Image == "photo3.jpg" && !r.Failed).Select(r => r.LatencyMs!.Value).ToArray();
        Assert.Equal(17, expected.Length);
        Assert.Equal(expected.Length, analysis.LatencyMs.Count);
        Assert.Equal(expected.Average(), analysis.LatencyMs.Mean, 1e-9);
        Assert.Equal(expected.Max(), analysis.LatencyMs.Max);

        var trend = PlotlyJson.Of(LatencyTrendChart.Create(oneImage, analysis)).Trace("Latency (ms)");
        Assert.Equal(expected, PlotlyJson.Numbers(trend, "y"));
    }

    [Fact]
    public void A_column_describes_like_its_values()
    {
        var column = new DoubleDataFrameColumn(Columns.LatencyMs, [120.0, null, 100, 340, 110]);

        Assert.Equal(Distribution.Describe([120.0, 100, 340, 110]), Distribution.Describe(column));
        Assert.Equal(4, Distribution.Describe(column).Count);
    }

    [Fact]
    public void A_frame_with_only_a_latency_column_is_enough()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn(Columns.LatencyMs, [100.0, 110, 600, null]));

        var analysis = RunAnalysis.Of(frame);

        Assert.Equal((4, 1, 3), (analysis.Requests, analysis.Failures, analysis.LatencyMs.Count));
        Assert.Equal(1, ThresholdCheck.Latency(frame).Crossings);
        Assert.Equal(MemorySource.None, analysis.MemorySource);
    }

    [Fact]
    public void Two_frames_compare_like_the_runs_they_came_from()
    {
        var baseline = Realistic("last-release", scale: 0.85);
        var current = Realistic();

        var fromFrames = RunComparison.Of(baseline.Requests, current.Requests, baseline.Name, current.Name);
        var fromRuns = RunComparison.Of(baseline, current);

        Assert.Equal(fromRuns.Summary, fromFrames.Summary);
        Assert.Equal(fromRuns.BaselineLatenciesMs, fromFrames.BaselineLatenciesMs);
    }

    [Fact]
    public void Warm_up_is_left_out_of_a_frame_as_of_the_run()
    {
        var log = Realistic();

        Assert.Equal(120, log.Measured.Rows.Count);
        Assert.Equal(RunAnalysis.Of(log).LatencyMs, RunAnalysis.Of(RequestFrame.Measured(log.Requests)).LatencyMs);
    }
}
