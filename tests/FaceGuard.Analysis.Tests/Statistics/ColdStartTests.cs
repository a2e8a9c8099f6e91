using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Analysis.Tests.Statistics;

public class ColdStartTests
{
    [Fact]
    public void First_request_is_compared_with_the_median_of_the_rest()
    {
        var coldStart = ColdStart.Analyze([900, 100, 120, 110, 130]);

        Assert.Equal(900, coldStart.FirstMs);
        Assert.Equal(115, coldStart.SteadyMedianMs, 1e-12);
        Assert.Equal(900.0 / 115, coldStart.Ratio, 1e-12);
    }

    [Fact]
    public void A_later_slow_request_is_not_the_cold_start()
    {
        var coldStart = ColdStart.Analyze([100, 900, 100, 100]);

        Assert.Equal(100, coldStart.FirstMs);
        Assert.Equal(1.0, coldStart.Ratio, 1e-12);
    }

    [Fact]
    public void One_request_has_no_steady_state()
    {
        var coldStart = ColdStart.Analyze([700]);

        Assert.Equal(700, coldStart.FirstMs);
        Assert.True(double.IsNaN(coldStart.SteadyMedianMs));
        Assert.True(double.IsNaN(coldStart.Ratio));
    }

    [Fact]
    public void No_requests_give_NaN()
    {
        var coldStart = ColdStart.Analyze([]);

        Assert.True(double.IsNaN(coldStart.FirstMs));
        Assert.True(double.IsNaN(coldStart.Ratio));
    }
}
