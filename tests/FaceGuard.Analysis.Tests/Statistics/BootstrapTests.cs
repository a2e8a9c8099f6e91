using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Analysis.Tests.Statistics;

public class BootstrapTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.95)]
    [InlineData(1.0)]
    public void Quantile_of_drawn_counts_equals_the_quantile_of_the_expanded_resample(double probability)
    {
        var random = new Random(9);
        double[] sorted = [100, 110, 110, 120, 135, 150, 150, 150, 180, 240, 400];
        var counts = new int[sorted.Length];

        for (var trial = 0; trial < 50; trial++)
        {
            Bootstrap.Draw(counts, random);
            var expanded = sorted.SelectMany((v, i) => Enumerable.Repeat(v, counts[i])).ToArray();

            Assert.Equal(sorted.Length, expanded.Length);
            Assert.Equal(Quantiles.OfSorted(expanded, probability), Bootstrap.Quantile(sorted, counts, probability), 1e-9);
        }
    }
}
