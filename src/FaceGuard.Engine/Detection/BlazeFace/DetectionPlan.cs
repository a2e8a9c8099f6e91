using OpenCvSharp;

namespace FaceGuard.Engine.Detection.BlazeFace;

/// <summary>
/// Which regions of an image the network looks at. BlazeFace's long-range model finds faces reliably from about
/// 18 px of its 256 px input upwards (measured on the labelled sets: 92 % at 16–20 px, 100 % from 28 px; under 12 px
/// almost never), so a face of size s needs a pass in which the image is scaled by at least 18/s. The plan is
/// a pyramid: the whole image, then tiles of half the side, a quarter, … down to the tile side at which the
/// smallest wanted face reaches that size. Neighbouring tiles overlap by a fifth of their side, so every face
/// small enough to matter at a level lies whole inside some tile; larger ones are found a level up.
/// </summary>
internal static class DetectionPlan
{
    /// <summary>Smallest face, in network input pixels, the long-range model finds reliably.</summary>
    public const float ReliableFaceInputPixels = 18f;

    public const float TileOverlap = 0.2f;

    /// <summary>Smallest face (pixels of the searched image) each sensitivity promises to look for.</summary>
    public static int SmallestFace(Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.Normal => 48,
        Sensitivity.High => 18,
        _ => throw new ArgumentOutOfRangeException(nameof(sensitivity), sensitivity, null),
    };

    public static List<Rect> Regions(Size image, int inputSize, Sensitivity sensitivity)
    {
        var regions = new List<Rect> { new(0, 0, image.Width, image.Height) };
        int longest = Math.Max(image.Width, image.Height);
        int smallestTile = (int)MathF.Ceiling(SmallestFace(sensitivity) * inputSize / ReliableFaceInputPixels);

        // From the finest level up, doubling, while a tile is clearly smaller than the whole image. The largest tiles
        // are then at least 3/8 of the image, so what they cut at their edges is big enough for the whole-image pass.
        for (int tile = smallestTile; tile <= longest * 0.75; tile *= 2)
            regions.AddRange(TilePlan.Cover(image, tile, TileOverlap));
        return regions;
    }
}
