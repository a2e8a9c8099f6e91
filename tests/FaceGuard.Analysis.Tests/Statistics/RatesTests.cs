using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Analysis.Tests.Statistics;

public class RatesTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Throughput_is_completed_requests_per_second()
    {
        Assert.Equal(2.5, Rates.Throughput(Start, Start.AddSeconds(4), 10));
        Assert.Equal(800, Rates.Throughput(Start, Start.AddMilliseconds(250), 200), 1e-9);
    }

    [Fact]
    public void Throughput_of_an_empty_window_is_NaN()
    {
        Assert.True(double.IsNaN(Rates.Throughput(Start, Start, 5)));
    }

    [Fact]
    public void Throughput_rejects_a_window_that_ends_before_it_starts()
    {
        Assert.Throws<ArgumentException>(() => Rates.Throughput(Start, Start.AddSeconds(-1), 5));
    }

    [Fact]
    public void Error_rate_is_failures_over_total()
    {
        Assert.Equal(0.075, Rates.ErrorRate(3, 40), 1e-12);
        Assert.Equal(0, Rates.ErrorRate(0, 40));
        Assert.True(double.IsNaN(Rates.ErrorRate(0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rates.ErrorRate(41, 40));
    }
}
