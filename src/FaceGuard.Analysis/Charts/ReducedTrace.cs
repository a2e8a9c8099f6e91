namespace FaceGuard.Analysis.Charts;

/// <summary>
/// A per-request trace made drawable at any length: beyond <see cref="MaxPoints"/> points the x range is cut into
/// equal slices and each slice keeps its lowest and highest point, in x order. Spikes and the shape survive (a single
/// slow request still shows); a million requests draw as a few thousand points, and a report stays a few megabytes.
/// Statistics are never computed from a reduced trace.
/// </summary>
internal sealed record ReducedTrace(double[] X, double[] Y, int OriginalPoints, int Slices)
{
    public const int MaxPoints = 4000;

    public bool Reduced => Slices > 0;

    /// <summary>"(1,000,000 requests drawn as the min and max of 2,000 slices)", or "" when nothing was reduced.</summary>
    public string Note(string what) => Reduced
        ? $" ({InvariantText.Count(OriginalPoints)} {what} drawn as the min and max of {InvariantText.Count(Slices)} slices)"
        : "";

    /// <param name="x">Ascending.</param>
    public static ReducedTrace Of(IReadOnlyList<double> x, IReadOnlyList<double> y, int maxPoints = MaxPoints)
    {
        if (x.Count != y.Count) throw new ArgumentException("x and y differ in length.", nameof(y));
        if (x.Count <= maxPoints) return new ReducedTrace([.. x], [.. y], x.Count, 0);

        int slices = maxPoints / 2;
        double start = x[0], width = (x[^1] - start) / slices;
        var keptX = new List<double>(maxPoints);
        var keptY = new List<double>(maxPoints);
        int i = 0;
        for (int slice = 0; slice < slices && i < x.Count; slice++)
        {
            double end = slice == slices - 1 ? double.PositiveInfinity : start + (slice + 1) * width;
            int low = -1, high = -1;
            for (; i < x.Count && x[i] < end; i++)
            {
                if (double.IsNaN(y[i])) continue;
                if (low < 0 || y[i] < y[low]) low = i;
                if (high < 0 || y[i] > y[high]) high = i;
            }
            if (low < 0) continue;
            foreach (int kept in low == high ? [low] : low < high ? [low, high] : new[] { high, low })
            {
                keptX.Add(x[kept]);
                keptY.Add(y[kept]);
            }
        }
        return new ReducedTrace([.. keptX], [.. keptY], x.Count, slices);
    }
}
