namespace FaceGuard.Analysis.Statistics;

/// <summary>Percentile bootstrap of current/baseline quantile ratios, each sample resampled on its own.</summary>
internal static class Bootstrap
{
    public static (ConfidenceInterval Median, ConfidenceInterval P95) RatioIntervals(
        double[] sortedBaseline, double[] sortedCurrent, int resamples, double confidence, Random random)
    {
        var medianRatios = new double[resamples];
        var p95Ratios = new double[resamples];
        var baselineCounts = new int[sortedBaseline.Length];
        var currentCounts = new int[sortedCurrent.Length];

        for (var r = 0; r < resamples; r++)
        {
            Draw(baselineCounts, random);
            Draw(currentCounts, random);
            medianRatios[r] = Quantile(sortedCurrent, currentCounts, 0.5) / Quantile(sortedBaseline, baselineCounts, 0.5);
            p95Ratios[r] = Quantile(sortedCurrent, currentCounts, 0.95) / Quantile(sortedBaseline, baselineCounts, 0.95);
        }

        return (Interval(medianRatios, confidence), Interval(p95Ratios, confidence));
    }

    // A resample is kept as how often each value of the sorted sample was drawn: that is already in order,
    // so quantiles need no sort and a resample costs O(n), which makes large logs affordable.
    internal static void Draw(int[] counts, Random random)
    {
        Array.Clear(counts);
        for (var i = 0; i < counts.Length; i++)
        {
            counts[random.Next(counts.Length)]++;
        }
    }

    /// <summary>R type 7 quantile of the resample, as <see cref="Quantiles.OfSorted"/> would give on it expanded.</summary>
    internal static double Quantile(double[] sorted, int[] counts, double probability)
    {
        var h = (sorted.Length - 1) * probability;
        var rank = (int)h;
        var lower = OrderStatistic(sorted, counts, rank);
        var upper = OrderStatistic(sorted, counts, Math.Min(rank + 1, sorted.Length - 1));
        return lower + (h - rank) * (upper - lower);
    }

    /// <summary>The value at 0-based <paramref name="rank"/> in the resample.</summary>
    private static double OrderStatistic(double[] sorted, int[] counts, int rank)
    {
        var seen = 0;
        for (var i = 0; ; i++)
        {
            seen += counts[i];
            if (seen > rank)
            {
                return sorted[i];
            }
        }
    }

    private static ConfidenceInterval Interval(double[] estimates, double confidence)
    {
        Array.Sort(estimates);
        var tail = (1 - confidence) / 2;
        return new ConfidenceInterval(Quantiles.OfSorted(estimates, tail), Quantiles.OfSorted(estimates, 1 - tail));
    }
}
