using OpenCvSharp;

namespace FaceGuard.Engine.Detection.YuNet;

/// <summary>
/// The passes in which YuNet searches a photo. YuNet was trained on faces of about 10 to 300 px, so one pass at the
/// photo's own size finds everything from the back row of a group photo to a half-length portrait; a cheap downscaled
/// pass catches faces too large for it (close-ups, selfies); at high sensitivity an upscaled pass reaches the faces of
/// 6–20 px that the photo's own size shows too small.
/// </summary>
/// <remarks>
/// Each pass is cut into tiles of under half a megapixel of network input (a 1080p photo: six tiles of 736x608).
/// Measured here, such tiles run at ~14 ms per megapixel on two threads against ~22 for a whole 1080p input, whose
/// early activations no longer fit the caches, and a run's working memory (~50 bytes per input pixel) stays near 20 MB;
/// the overlap costs back a quarter of that gain. The tiles depend on the image size only, so the faces found do not
/// depend on threads or load.
/// </remarks>
internal static class YuNetPlan
{
    /// <summary>Faces up to about this size (pixels of the pass) are found reliably; larger boxes are left to the close-up pass.</summary>
    public const int LargestReliableFace = 300;

    /// <summary>Longest shorter side of the downscaled copy that looks for faces too large for the main pass.</summary>
    public const int CloseUpSide = 320;

    /// <summary>Network input pixels per tile.</summary>
    public const long MaxTilePixels = 460_000;

    /// <summary>Tiles of the main pass overlap by this many pixels: every face the close-up pass may miss (under
    /// ~100 px at 1080p) lies whole in some tile.</summary>
    public const int MainOverlap = 128;

    /// <summary>The upscaled pass of <see cref="Sensitivity.High"/>: its scale, the largest face it is trusted with
    /// (larger ones are the main pass's), and the score it asks for (upscaled texture scores higher than it should).</summary>
    public const float FineScale = 2f;
    public const float FineMaxFace = 40f;
    public const float FineMinScore = 0.6f;

    /// <summary>Enough for every face the fine pass keeps to lie whole, clear of the edges, in the tile owning it.</summary>
    private const int FineOverlap = (int)FineMaxFace + 16;

    /// <summary>An integer shrink factor: area averaging by a whole factor is OpenCV's fast path (~1 ms for 1080p
    /// instead of ~5 ms for an arbitrary ratio).</summary>
    public static int CloseUpFactor(int shorterSide) => Math.Max(2, (int)Math.Ceiling(shorterSide / (double)CloseUpSide));

    public static List<YuNetPass> Passes(Size image, Sensitivity sensitivity, float minScore)
    {
        var whole = new Rect(0, 0, image.Width, image.Height);
        var mainTiles = TileGrid.Split(whole, MaxTilePixels, MainOverlap, YuNetModel.Alignment);
        var passes = new List<YuNetPass>();

        int shorter = Math.Min(image.Width, image.Height);
        if (shorter * 3 > CloseUpSide * 4)
        {
            // Above its training range the main pass mostly finds texture (boxes of 300-600 px on walls and sofas);
            // such faces are the close-up pass's, which sees them at 70-320 px.
            passes.Add(new YuNetPass(1f, mainTiles, minScore, LargestReliableFace));
            passes.Add(new YuNetPass(1f / CloseUpFactor(shorter), [new Tile(whole, whole)], minScore));
        }
        else
        {
            passes.Add(new YuNetPass(1f, mainTiles, minScore));
        }

        if (sensitivity == Sensitivity.High)
        {
            // Tiles of the original area whose upscaled size stays within the tile budget.
            long maxArea = (long)(MaxTilePixels / (FineScale * FineScale));
            passes.Add(new YuNetPass(FineScale, TileGrid.Split(whole, maxArea, FineOverlap, YuNetModel.Alignment / 2),
                Math.Max(minScore, FineMinScore), FineMaxFace));
        }
        return passes;
    }
}
