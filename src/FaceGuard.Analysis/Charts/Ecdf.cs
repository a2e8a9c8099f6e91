namespace FaceGuard.Analysis.Charts;

/// <summary>Points of an empirical CDF for drawing: each value against the percentage of values at or below it.</summary>
internal static class Ecdf
{
    /// <summary>More points than this are thinned to evenly spaced ranks (the largest value always kept).</summary>
    public const int MaxPoints = 2000;

    public static (double[] ValuesMs, double[] Percent) Of(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        var step = Math.Max(1, (int)Math.Ceiling(sorted.Length / (double)MaxPoints));
        var ranks = Enumerable.Range(0, sorted.Length).Where(i => i % step == step - 1 || i == sorted.Length - 1).ToArray();
        return (ranks.Select(i => sorted[i]).ToArray(), ranks.Select(i => 100.0 * (i + 1) / sorted.Length).ToArray());
    }
}
