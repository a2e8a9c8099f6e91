using FaceGuard.Analysis.Charts;
using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Charts;

public class ComparisonChartTests
{
    [Fact]
    public void Baseline_and_current_cdfs_are_overlaid_under_the_runs_names()
    {
        var comparison = RunComparison.Of(Realistic("last-release"), Realistic("nightly", scale: 1.2));

        var chart = PlotlyJson.Of(ComparisonChart.Create(comparison));

        Assert.Equal(["Baseline: last-release", "Current: nightly"], chart.TraceNames);
        Assert.Equal(comparison.BaselineLatenciesMs.Order(), PlotlyJson.Numbers(chart.Trace("Baseline: last-release"), "x"));
        Assert.Equal(comparison.CurrentLatenciesMs.Max(), PlotlyJson.Numbers(chart.Trace("Current: nightly"), "x")[^1]);
        Assert.Equal("Latency (ms)", chart.AxisTitle("xaxis"));
    }

    [Fact]
    public void Run_names_are_shown_as_text_not_markup()
    {
        var comparison = RunComparison.Of(Realistic("<b>old</b>"), Realistic("new & improved"));

        var chart = PlotlyJson.Of(ComparisonChart.Create(comparison));

        Assert.Equal(["Baseline: &lt;b&gt;old&lt;/b&gt;", "Current: new &amp; improved"], chart.TraceNames);
    }
}
