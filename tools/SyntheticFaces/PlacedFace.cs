using OpenCvSharp;

namespace SyntheticFaces;

/// <summary>One face pasted onto a synthetic image: its source, the exact transform, and where it landed.</summary>
/// <param name="ScaleX">Scale the resize actually applies on x: patch width / crop width (likewise y).</param>
/// <param name="Patch">Where the resized crop goes on the canvas.</param>
/// <param name="FaceInPatch">The source truth box in patch coordinates, after mirroring.</param>
internal sealed record PlacedFace(FaceSource Source, bool Mirror, double ScaleX, double ScaleY, Rect Patch, EdgeBox FaceInPatch)
{
    /// <summary>The truth box on the canvas: the exact box, rounded to whole pixels only here.</summary>
    public TruthBox Box
    {
        get
        {
            int x0 = (int)Math.Round(Patch.X + FaceInPatch.Left), x1 = (int)Math.Round(Patch.X + FaceInPatch.Right);
            int y0 = (int)Math.Round(Patch.Y + FaceInPatch.Top), y1 = (int)Math.Round(Patch.Y + FaceInPatch.Bottom);
            return new TruthBox(x0, y0, x1 - x0, y1 - y0, Difficult: false);
        }
    }
}

/// <summary>A box in continuous pixel-edge coordinates (pixel i spans [i, i + 1)), so scaling is exact: x' = x * s.</summary>
internal readonly record struct EdgeBox(double Left, double Top, double Right, double Bottom);
