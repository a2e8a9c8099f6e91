using FaceGuard.Analysis.Statistics;
using MathNet.Numerics.Distributions;

namespace FaceGuard.Analysis.Tests.Statistics;

public class MemoryTrendTests
{
    /// <summary>A reading every 10 requests over 10,000 requests.</summary>
    private static readonly double[] Requests = Enumerable.Range(0, 1000).Select(i => i * 10.0).ToArray();

    private static double[] Noise(int seed, double stdDevMb) =>
        Normal.Samples(new Random(seed), 0, stdDevMb).Take(Requests.Length).ToArray();

    [Fact]
    public void An_exact_line_is_recovered_in_MB_per_1000_requests()
    {
        var trend = MemoryTrend.Fit(Requests, Requests.Select(r => 80 + 0.003 * r).ToArray());

        Assert.Equal(3.0, trend.SlopeMbPer1000Requests, 1e-9);
        Assert.Equal(80.0, trend.InterceptMb, 1e-9);
        Assert.Equal(1.0, trend.RSquared, 1e-9);
        Assert.Equal(TrendVerdict.Growing, trend.Verdict);
    }

    [Fact]
    public void A_flat_noisy_series_is_stable()
    {
        var noise = Noise(seed: 7, stdDevMb: 3);
        var trend = MemoryTrend.Fit(Requests, noise.Select(n => 150 + n).ToArray());

        Assert.InRange(trend.SlopeMbPer1000Requests, -0.1, 0.1);
        Assert.Equal(TrendVerdict.Stable, trend.Verdict);
    }

    [Fact]
    public void A_clearly_rising_series_is_growing()
    {
        var noise = Noise(seed: 7, stdDevMb: 2);
        var trend = MemoryTrend.Fit(Requests, Requests.Select((r, i) => 100 + 0.005 * r + noise[i]).ToArray());

        Assert.InRange(trend.SlopeMbPer1000Requests, 4.9, 5.1);
        Assert.InRange(trend.RSquared, 0.95, 1.0);
        Assert.Equal(TrendVerdict.Growing, trend.Verdict);
    }

    [Fact]
    public void A_steep_line_through_heavy_noise_is_not_called_a_leak()
    {
        var shortRun = Requests.Take(200).ToArray();
        var noise = Noise(seed: 11, stdDevMb: 20);
        var trend = MemoryTrend.Fit(shortRun, shortRun.Select((r, i) => 150 + 0.002 * r + noise[i]).ToArray());

        Assert.True(trend.RSquared < MemoryTrend.MinRSquared, trend.ToString());
        Assert.Equal(TrendVerdict.Stable, trend.Verdict);
    }

    // Expected values from numpy 1.24.2 polyfit(x, y, 1) on the same step series, R² = 1 − SSres/SStot.
    [Fact]
    public void A_warm_up_step_early_in_the_run_is_stable()
    {
        var x = Enumerable.Range(0, 10000).Select(i => (double)i).ToArray();
        var trend = MemoryTrend.Fit(x, x.Select(r => r >= 1000 ? 150.0 : 100.0).ToArray());

        Assert.Equal(2.7000000270000273, trend.SlopeMbPer1000Requests, 1e-9);
        Assert.Equal(131.50134986501322, trend.InterceptMb, 1e-9);
        Assert.Equal(0.2700000027, trend.RSquared, 1e-9);
        Assert.Equal(TrendVerdict.Stable, trend.Verdict);
    }

    // A level that jumps before the middle and stays is not a leak either. A line through the whole run fits it well
    // (+6.3 MB per 1,000 requests, R² 0.63), but its second half is flat.
    [Fact]
    public void A_step_before_the_middle_that_then_stays_flat_is_stable()
    {
        var x = Enumerable.Range(0, 10000).Select(i => (double)i).ToArray();
        var trend = MemoryTrend.Fit(x, x.Select(r => r >= 3000 ? 150.0 : 100.0).ToArray());

        Assert.True(trend.RisesOverTheRun, trend.ToString());
        Assert.Equal(0, trend.LateSlopeMbPer1000Requests, 1e-9);
        Assert.Equal(TrendVerdict.Stable, trend.Verdict);
    }

    // What a soak of the service looks like: ~6 MB of allocator and code growth over the first half of 5,000 requests,
    // then flat, with noise. The whole-run line says +1.6 MB per 1,000 requests at R² 0.6; it is not a leak.
    [Fact]
    public void A_rise_that_levels_off_is_not_a_leak()
    {
        var x = Enumerable.Range(0, 5000).Select(i => (double)i).ToArray();
        var noise = Normal.Samples(new Random(3), 0, 0.8).Take(x.Length).ToArray();
        var trend = MemoryTrend.Fit(x, x.Select((r, i) => 177 + 6 * Math.Min(1, r / 2500) + noise[i]).ToArray());

        Assert.True(trend.RisesOverTheRun, trend.ToString());
        Assert.InRange(trend.LateSlopeMbPer1000Requests, -0.3, 0.3);
        Assert.Equal(TrendVerdict.Stable, trend.Verdict);
    }

    [Fact]
    public void A_slow_leak_still_growing_at_the_end_is_growing()
    {
        var noise = Noise(seed: 5, stdDevMb: 0.8);
        var trend = MemoryTrend.Fit(Requests, Requests.Select((r, i) => 177 + 0.0015 * r + noise[i]).ToArray());

        Assert.InRange(trend.SlopeMbPer1000Requests, 1.4, 1.6);
        Assert.InRange(trend.LateSlopeMbPer1000Requests, 1.2, 1.8);
        Assert.Equal(TrendVerdict.Growing, trend.Verdict);
    }

    [Fact]
    public void Fewer_than_two_points_have_no_trend()
    {
        var trend = MemoryTrend.Fit([0], [120]);

        Assert.True(double.IsNaN(trend.SlopeMbPer1000Requests));
        Assert.Equal(TrendVerdict.Inconclusive, trend.Verdict);
    }

    [Fact]
    public void Constant_memory_is_stable()
    {
        var trend = MemoryTrend.Fit(Requests, Requests.Select(_ => 120.0).ToArray());

        Assert.Equal(0, trend.SlopeMbPer1000Requests, 1e-12);
        Assert.Equal(TrendVerdict.Stable, trend.Verdict);
    }

    [Fact]
    public void A_short_run_filling_its_allocators_is_not_judged()
    {
        // 30 requests of a fresh process, memory 130 → 147 MB: a line says +500 MB per 1,000 requests, R² ~1.
        var x = Enumerable.Range(1, 30).Select(i => (double)i).ToArray();
        var trend = MemoryTrend.Fit(x, x.Select(r => 130 + 17 * Math.Sqrt(r / 30)).ToArray());

        Assert.True(trend.SlopeMbPer1000Requests > 100);
        Assert.Equal(TrendVerdict.Inconclusive, trend.Verdict);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => MemoryTrend.Fit([0, 1, 2], [100, 101]));
    }
}
