using MathNet.Numerics.Distributions;

namespace FaceGuard.Analysis.Statistics;

/// <summary>U counts the pairs in which the second sample is the larger (ties count half).</summary>
public sealed record MannWhitneyResult(double U, double PValue)
{
    public override string ToString() => FormattableString.Invariant($"MannWhitneyResult {{ U = {U}, PValue = {PValue} }}");
}

/// <summary>
/// Two-sided Mann–Whitney U test, normal approximation with tie and continuity correction
/// (what scipy's <c>mannwhitneyu(second, first, method="asymptotic")</c> computes).
/// </summary>
public static class MannWhitney
{
    public static MannWhitneyResult Test(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count == 0 || second.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        var (secondRankSum, tieTerm) = RankSecond(first, second);
        double n1 = first.Count, n2 = second.Count, n = n1 + n2;
        var u = secondRankSum - n2 * (n2 + 1) / 2;

        var mean = n1 * n2 / 2;
        var sigma = Math.Sqrt(n1 * n2 / 12 * (n + 1 - tieTerm / (n * (n - 1))));
        if (sigma == 0)
        {
            return new MannWhitneyResult(u, 1.0);
        }

        var z = (Math.Max(u, n1 * n2 - u) - mean - 0.5) / sigma;
        return new MannWhitneyResult(u, Math.Min(1.0, 2 * Normal.CDF(0, 1, -z)));
    }

    /// <returns>The sum of the second sample's mid-ranks in the pooled sample, and Σ(t³ − t) over tie groups.</returns>
    private static (double RankSum, double TieTerm) RankSecond(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        var pooled = first.Select(v => (Value: v, IsSecond: false))
            .Concat(second.Select(v => (Value: v, IsSecond: true)))
            .OrderBy(p => p.Value)
            .ToArray();

        double rankSum = 0, tieTerm = 0;
        for (var start = 0; start < pooled.Length;)
        {
            var end = start;
            while (end + 1 < pooled.Length && pooled[end + 1].Value == pooled[start].Value)
            {
                end++;
            }

            double ties = end - start + 1;
            var midRank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
            {
                rankSum += pooled[i].IsSecond ? midRank : 0;
            }

            tieTerm += ties * ties * ties - ties;
            start = end + 1;
        }

        return (rankSum, tieTerm);
    }
}
