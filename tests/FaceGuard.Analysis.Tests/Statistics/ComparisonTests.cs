using FaceGuard.Analysis.Statistics;
using MathNet.Numerics.Distributions;

namespace FaceGuard.Analysis.Tests.Statistics;

public class ComparisonTests
{
    private static double[] LogNormalMs(int seed, int count, double medianMs = 200, double sigma = 0.4) =>
        LogNormal.Samples(new Random(seed), Math.Log(medianMs), sigma).Take(count).ToArray();

    private static double[] Scaled(double[] values, double factor) => values.Select(v => v * factor).ToArray();

    // At p < 0.01 about one comparison in a hundred of equal distributions is significant; with 2,000 requests
    // a side the 5 % practical threshold is about three standard errors of the median ratio, which stops those.
    [Fact]
    public void Two_samples_of_the_same_distribution_show_no_change()
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var comparison = Comparison.Compare(LogNormalMs(seed, 2000), LogNormalMs(seed + 1000, 2000));

            Assert.True(comparison.Verdict == ComparisonVerdict.NoChange, $"seed {seed}: {comparison}");
        }
    }

    [Fact]
    public void Thirty_percent_slower_is_slower()
    {
        var comparison = Comparison.Compare(LogNormalMs(1, 2000), Scaled(LogNormalMs(2, 2000), 1.3));

        Assert.Equal(ComparisonVerdict.Slower, comparison.Verdict);
        Assert.True(comparison.MedianRatioCi.Contains(1.3), comparison.ToString());
        Assert.True(comparison.P95RatioCi.Contains(1.3), comparison.ToString());
        Assert.True(comparison.PValue < 1e-6);
    }

    [Fact]
    public void Thirty_percent_faster_is_faster()
    {
        var comparison = Comparison.Compare(LogNormalMs(1, 2000), Scaled(LogNormalMs(2, 2000), 0.7));

        Assert.Equal(ComparisonVerdict.Faster, comparison.Verdict);
        Assert.True(comparison.MedianRatioCi.Contains(0.7), comparison.ToString());
        Assert.True(comparison.PValue < 1e-6);
    }

    [Fact]
    public void A_consistent_one_percent_shift_is_real_but_below_the_practical_threshold()
    {
        var comparison = Comparison.Compare(
            LogNormalMs(1, 5000, sigma: 0.05), Scaled(LogNormalMs(2, 5000, sigma: 0.05), 1.01));

        Assert.True(comparison.PValue < Comparison.SignificanceLevel, comparison.ToString());
        Assert.True(comparison.MedianRatioCi.Lower > 1, comparison.ToString());
        Assert.Equal(ComparisonVerdict.NoChange, comparison.Verdict);
    }

    // Medians and p95 from numpy 1.24.2 median()/quantile(0.95); U and p from scipy 1.10.1 mannwhitneyu (see MannWhitneyTests).
    [Fact]
    public void A_large_shift_on_a_handful_of_requests_is_not_significant()
    {
        var comparison = Comparison.Compare(
            [120, 130, 130, 145, 150, 150, 190, 250], [130, 150, 160, 175, 175, 200, 260, 300, 310]);

        Assert.Equal(147.5, comparison.BaselineMedianMs, 1e-9);
        Assert.Equal(175, comparison.CurrentMedianMs, 1e-9);
        Assert.Equal(228.99999999999997, comparison.BaselineP95Ms, 1e-9);
        Assert.Equal(306, comparison.CurrentP95Ms, 1e-9);
        Assert.Equal(56, comparison.MannWhitneyU);
        Assert.Equal(0.059184204258650744, comparison.PValue, 1e-12);
        Assert.Equal(ComparisonVerdict.NoChange, comparison.Verdict);
    }

    [Fact]
    public void The_same_seed_gives_the_same_intervals()
    {
        var baseline = LogNormalMs(1, 200);
        var current = LogNormalMs(2, 200);

        Assert.Equal(Comparison.Compare(baseline, current, seed: 5), Comparison.Compare(baseline, current, seed: 5));
        Assert.NotEqual(
            Comparison.Compare(baseline, current, seed: 5).MedianRatioCi,
            Comparison.Compare(baseline, current, seed: 6).MedianRatioCi);
    }

    [Fact]
    public void An_empty_sample_cannot_be_compared()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Comparison.Compare([], [100]));
    }
}
