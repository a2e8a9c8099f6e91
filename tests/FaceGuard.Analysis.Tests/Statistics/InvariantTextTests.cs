using System.Globalization;
using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Analysis.Tests.Statistics;

public class InvariantTextTests
{
    [Fact]
    public void Numbers_print_with_a_decimal_point_under_a_comma_decimal_culture()
    {
        var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaCulture.NumberFormat.NumberDecimalSeparator = ",";
        commaCulture.NumberFormat.NumberGroupSeparator = ".";
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = commaCulture;
        try
        {
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
            Assert.Contains("Mean = 1.5,", Distribution.Describe([1, 2]).ToString());
            Assert.Contains("Ratio = 2.5 ", new ColdStart(250, 100).ToString());
            Assert.Contains("SlopeMbPer1000Requests = 1.5,", new MemoryTrend(1.5, 0.5, 0.25, 3).ToString());
            Assert.Contains("Share = 0.5,", new ThresholdAlert("Latency", "ms", 500, 2, 1, null, null, 600.5, 1).ToString());
            Assert.Equal("[0.5, 1.5]", new ConfidenceInterval(0.5, 1.5).ToString());
            Assert.Contains("PValue = 0.25 ", new MannWhitneyResult(1.5, 0.25).ToString());
            Assert.Contains("MedianRatio = 1.5,", new Comparison(100, 150, 200, 300, new(1.2, 1.8), new(1.1, 1.9), 10.5, 0.001).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
