using OpenCvSharp;

namespace FaceGuard.Engine.Detection;

/// <summary>
/// Finds faces in a decoded image: one pass over the whole (downscaled if large) image, and for high sensitivity
/// further passes over overlapping tiles so that faces too small for the whole-image pass are seen at a usable size.
/// All candidates from all passes go through one weighted non-max suppression.
/// </summary>
internal sealed class FaceDetector(ModelRegistry models)
{
    /// <summary>Tile sides as fractions of the searched image's longest side, one pass per entry (high sensitivity).</summary>
    internal IReadOnlyList<float> TileFractions { get; init; } = [0.5f, 0.25f];

    internal float TileOverlap { get; init; } = 0.25f;

    /// <summary>Tiles are never smaller than the network input: below that they would be upscaled, adding nothing.</summary>
    internal int MinTileSide { get; init; } = 0;

    public List<Face> Detect(Mat image, DetectionOptions options)
    {
        var model = models.Get(options.Model);
        int longest = Math.Max(image.Width, image.Height);
        float workScale = longest > options.MaxDetectionSide ? options.MaxDetectionSide / (float)longest : 1f;

        using var scaled = workScale < 1f ? Downscale(image, workScale) : null;
        var searched = scaled ?? image;

        var candidates = new List<Candidate>();
        model.Detect(searched, new Rect(0, 0, searched.Width, searched.Height), options.ScoreThreshold, candidates);

        if (options.Sensitivity == Sensitivity.High)
        {
            int searchedLongest = Math.Max(searched.Width, searched.Height);
            int minTile = MinTileSide > 0 ? MinTileSide : model.InputSize;
            foreach (float fraction in TileFractions)
            {
                int side = (int)(searchedLongest * fraction);
                if (side < minTile) break;
                foreach (var tile in TilePlan.Cover(searched.Size(), side, TileOverlap))
                    model.Detect(searched, tile, options.ScoreThreshold, candidates);
            }
        }

        var faces = WeightedNonMaxSuppression.Apply(candidates);
        return faces.Select(c => c.ToFace(1f / workScale)).ToList();
    }

    private static Mat Downscale(Mat image, float scale)
    {
        var scaled = new Mat();
        Cv2.Resize(image, scaled, new Size(), scale, scale, InterpolationFlags.Area);
        return scaled;
    }
}
