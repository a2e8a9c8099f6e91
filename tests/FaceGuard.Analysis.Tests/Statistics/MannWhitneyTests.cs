using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Analysis.Tests.Statistics;

/// <remarks>
/// Expected values from scipy 1.10.1:
/// <c>mannwhitneyu(second, first, alternative="two-sided", use_continuity=True, method="asymptotic")</c>.
/// </remarks>
public class MannWhitneyTests
{
    private static readonly double[] Baseline = [120, 130, 130, 145, 150, 150, 190, 250];
    private static readonly double[] Current = [130, 150, 160, 175, 175, 200, 260, 300, 310];

    [Fact]
    public void Matches_scipy_with_ties_across_samples()
    {
        var result = MannWhitney.Test(Baseline, Current);

        Assert.Equal(56.0, result.U);
        Assert.Equal(0.059184204258650744, result.PValue, 1e-12);
    }

    [Fact]
    public void U_counts_pairs_where_the_second_is_larger_and_the_p_value_is_symmetric()
    {
        var result = MannWhitney.Test(Current, Baseline);

        Assert.Equal(16.0, result.U);
        Assert.Equal(0.059184204258650744, result.PValue, 1e-12);
    }

    // By hand: U = 100, σ = √(10·10·21/12) = √175, z = (100 − 50 − 0.5)/√175 = 3.7418, p = 2·(1 − Φ(z)).
    [Fact]
    public void Separated_samples_match_scipy_and_the_hand_computation()
    {
        var result = MannWhitney.Test(
            Enumerable.Range(1, 10).Select(i => (double)i).ToArray(),
            Enumerable.Range(11, 10).Select(i => (double)i).ToArray());

        Assert.Equal(100.0, result.U);
        Assert.Equal(0.00018267179110955002, result.PValue, 1e-12);
    }

    // Millisecond-resolution latencies: 900 values, 205 distinct, so the tie correction carries weight.
    [Fact]
    public void Matches_scipy_on_integer_milliseconds_with_many_ties()
    {
        var baselineRandom = new Random(3);
        var currentRandom = new Random(4);
        var baseline = Enumerable.Range(0, 400).Select(_ => (double)baselineRandom.Next(150, 350)).ToArray();
        var current = Enumerable.Range(0, 500).Select(_ => (double)currentRandom.Next(160, 360)).ToArray();

        var result = MannWhitney.Test(baseline, current);

        Assert.Equal(111966.5, result.U);
        Assert.Equal(0.0020153616984917634, result.PValue, 1e-12);
    }

    [Fact]
    public void All_values_tied_give_p_of_one()
    {
        var result = MannWhitney.Test([5, 5, 5], [5, 5]);

        Assert.Equal(3.0, result.U);
        Assert.Equal(1.0, result.PValue);
    }
}
