using System.Globalization;
using FaceGuard.Analysis.Charts;
using FaceGuard.Analysis.Tests.Reports;
using Plotly.NET;
using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Charts;

public class ChartCultureTests
{
    [Fact]
    public void Chart_json_is_the_same_under_a_comma_decimal_culture()
    {
        var log = Realistic();
        var analysis = RunAnalysis.Of(log);
        GenericChart[] Charts() =>
        [
            LatencyTrendChart.Create(log, analysis), MemoryTrendChart.Create(log, analysis), LatencyHistogramChart.Create(log),
            LatencyPercentileChart.Create(log, analysis), StageBreakdownChart.Create(analysis),
        ];
        var invariant = Charts().Select(Json).ToList();

        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Cultures.CommaDecimal();
        try
        {
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
            Assert.Equal(invariant, Charts().Select(Json));
            Assert.Contains("\"p50 120 ms\"", invariant[3]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static string Json(GenericChart chart)
    {
        var json = PlotlyJson.Of(chart);
        return json.Data.GetRawText() + json.Layout.GetRawText();
    }
}
