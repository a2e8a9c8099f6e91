namespace FaceGuard.Analysis.Charts;

/// <summary>Points of an empirical CDF for drawing: each value against the percentage of values at or below it.</summary>
internal static class Ecdf
{
    /// <summary>More points than this are thinned to evenly spaced ranks (the largest value always kept).</summary>
    public const int MaxPoints = 2000;

    public static (double[] ValuesMs, double[] Percent) Of(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).ToArray();
        Array.Sort(sorted);
        int step = Math.Max(1, (int)Math.Ceiling(sorted.Length / (double)MaxPoints));
        var xs = new List<double>(Math.Min(sorted.Length, MaxPoints + 1));
        var ys = new List<double>(xs.Capacity);
        for (int i = step - 1; i < sorted.Length; i += step)
        {
            xs.Add(sorted[i]);
            ys.Add(100.0 * (i + 1) / sorted.Length);
        }
        if (sorted.Length > 0 && (sorted.Length - 1) % step != step - 1)
        {
            xs.Add(sorted[^1]);
            ys.Add(100.0);
        }
        return ([.. xs], [.. ys]);
    }
}
