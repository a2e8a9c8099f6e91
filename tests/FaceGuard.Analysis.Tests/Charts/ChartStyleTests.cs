using FaceGuard.Analysis.Charts;
using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Charts;

public class ChartStyleTests
{
    [Fact]
    public void Charts_carry_their_own_size_and_fonts_instead_of_plotly_nets_template()
    {
        // The default template costs several hundred milliseconds of serialisation per chart and 8 kB of JSON.
        var log = Realistic();
        var analysis = RunAnalysis.Of(log);
        var charts = new[]
        {
            LatencyTrendChart.Create(log, analysis), MemoryTrendChart.Create(log, analysis), LatencyHistogramChart.Create(log),
            LatencyPercentileChart.Create(log, analysis), StageBreakdownChart.Create(analysis),
            ComparisonChart.Create(RunComparison.Of(Realistic("a"), log)),
        }.Select(PlotlyJson.Of).ToList();

        Assert.All(charts, chart =>
        {
            Assert.False(chart.Layout.TryGetProperty("template", out _));
            Assert.Equal(1000, chart.Layout.GetProperty("width").GetInt32());
            Assert.Equal(420, chart.Layout.GetProperty("height").GetInt32());
            Assert.StartsWith("system-ui", chart.Layout.GetProperty("font").GetProperty("family").GetString());
            Assert.NotEmpty(chart.Title);
            Assert.NotEmpty(chart.AxisTitle("xaxis"));
            Assert.NotEmpty(chart.AxisTitle("yaxis"));
        });
    }
}
