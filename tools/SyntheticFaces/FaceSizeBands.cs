namespace SyntheticFaces;

/// <summary>
/// How big pasted faces are (box height, px): 55 % small (up to 48 px), 30 % medium (48-96 px), 15 % large
/// (from 96 px), log-uniform within each band, bands clipped to the allowed range.
/// </summary>
internal static class FaceSizeBands
{
    private const double SmallBandTop = 48;
    private const double MediumBandTop = 96;

    /// <summary>Share of faces in the small band.</summary>
    private const double SmallShare = 0.55;

    /// <summary>Share of faces in the small or medium band (kept as one constant: 0.55 + 0.30 is not 0.85 in doubles).</summary>
    private const double SmallOrMediumShare = 0.85;

    public static double Draw(SplitMix64 rng, int minFaceSize, int maxFaceSize)
    {
        double lo = minFaceSize, hi = maxFaceSize;
        double smallTop = Math.Min(Math.Max(SmallBandTop, lo), hi), mediumTop = Math.Min(Math.Max(MediumBandTop, smallTop), hi);
        double u = rng.NextDouble();
        (double l, double h) = u < SmallShare ? (lo, smallTop) : u < SmallOrMediumShare ? (smallTop, mediumTop) : (mediumTop, hi);
        return h > l ? rng.LogUniform(l, h) : l;
    }
}
