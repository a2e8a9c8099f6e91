using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Analysis.Tests.Statistics;

/// <remarks>
/// Expected values come from pandas 1.5.3 (numpy 1.24.2, Debian bookworm):
/// <c>pd.Series(values, dtype=float).describe()</c> and <c>.quantile([0.9, 0.95, 0.99])</c>.
/// </remarks>
public class DistributionTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Describe_matches_pandas_on_a_sample_with_ties()
    {
        var d = Distribution.Describe([150, 120, 130, 130, 250, 145, 130, 150, 190, 400]);

        AssertEqual(new Distribution(Count: 10, Mean: 179.5, StdDev: 86.61697293256097, Min: 120, P25: 130, Median: 147.5,
            P75: 180, Max: 400, P90: 264.99999999999994, P95: 332.49999999999983, P99: 386.5), d);
        Assert.Equal(0.4825458102092533, d.CoefficientOfVariation, Tolerance);
        Assert.Equal(3.3333333333333335, d.MaxMinRatio, Tolerance);
        Assert.True(d.IsJittery);
    }

    [Fact]
    public void Describe_matches_pandas_on_fractional_values()
    {
        var d = Distribution.Describe([12.5, 3.25, 7.75, 7.75, 1.0, 9.5, 14.0]);

        AssertEqual(new Distribution(Count: 7, Mean: 7.964285714285714, StdDev: 4.657942525560891, Min: 1, P25: 5.5,
            Median: 7.75, P75: 11, Max: 14, P90: 13.100000000000001, P95: 13.549999999999999, P99: 13.91), d);
        Assert.Equal(0.5848537700255827, d.CoefficientOfVariation, Tolerance);
    }

    [Fact]
    public void Describe_matches_pandas_on_a_skewed_sample()
    {
        var d = Distribution.Describe([200, 210, 220, 230, 800]);

        AssertEqual(new Distribution(Count: 5, Mean: 332, StdDev: 261.8587405453559, Min: 200, P25: 210, Median: 220,
            P75: 230, Max: 800, P90: 572, P95: 685.9999999999999, P99: 777.1999999999999), d);
        Assert.Equal(0.7887311462209514, d.CoefficientOfVariation, Tolerance);
        Assert.Equal(4.0, d.MaxMinRatio, Tolerance);
        Assert.True(d.IsJittery);
    }

    [Fact]
    public void Describe_matches_pandas_on_two_values()
    {
        var d = Distribution.Describe([300, 100]);

        AssertEqual(new Distribution(Count: 2, Mean: 200, StdDev: 141.4213562373095, Min: 100, P25: 150, Median: 200,
            P75: 250, Max: 300, P90: 280, P95: 290, P99: 298), d);
        Assert.Equal(0.7071067811865476, d.CoefficientOfVariation, Tolerance);
    }

    [Fact]
    public void Describe_of_one_value_has_no_sample_standard_deviation_like_pandas()
    {
        var d = Distribution.Describe([42]);

        AssertEqual(new Distribution(Count: 1, Mean: 42, StdDev: double.NaN, Min: 42, P25: 42, Median: 42,
            P75: 42, Max: 42, P90: 42, P95: 42, P99: 42), d);
        Assert.Equal(1.0, d.MaxMinRatio);
        Assert.False(d.IsJittery);
    }

    [Fact]
    public void Describe_of_nothing_is_count_zero_and_NaN_elsewhere()
    {
        var d = Distribution.Describe([]);

        Assert.Equal(0, d.Count);
        Assert.All(
            new[] { d.Mean, d.StdDev, d.Min, d.P25, d.Median, d.P75, d.Max, d.P90, d.P95, d.P99, d.CoefficientOfVariation, d.MaxMinRatio },
            v => Assert.True(double.IsNaN(v)));
        Assert.False(d.IsJittery);
    }

    [Theory]
    [InlineData(100, 200, false)]
    [InlineData(100, 200.5, true)]
    public void Jitter_means_the_slowest_more_than_twice_the_fastest(double fastestMs, double slowestMs, bool jittery)
    {
        Assert.Equal(jittery, Distribution.Describe([fastestMs, 150, slowestMs]).IsJittery);
    }

    [Fact]
    public void Describe_skips_NaN_like_pandas()
    {
        Assert.Equal(Distribution.Describe([1, 2, 3]), Distribution.Describe([double.NaN, 1, 2, double.NaN, 3]));
        Assert.Equal(0, Distribution.Describe([double.NaN]).Count);
    }

    [Fact]
    public void Describe_does_not_depend_on_input_order()
    {
        Assert.Equal(Distribution.Describe([5, 1, 4, 2, 3]), Distribution.Describe([1, 2, 3, 4, 5]));
    }

    private static void AssertEqual(Distribution expected, Distribution actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Mean, actual.Mean, Tolerance);
        Assert.Equal(expected.StdDev, actual.StdDev, Tolerance);
        Assert.Equal(expected.Min, actual.Min, Tolerance);
        Assert.Equal(expected.P25, actual.P25, Tolerance);
        Assert.Equal(expected.Median, actual.Median, Tolerance);
        Assert.Equal(expected.P75, actual.P75, Tolerance);
        Assert.Equal(expected.Max, actual.Max, Tolerance);
        Assert.Equal(expected.P90, actual.P90, Tolerance);
        Assert.Equal(expected.P95, actual.P95, Tolerance);
        Assert.Equal(expected.P99, actual.P99, Tolerance);
    }
}
