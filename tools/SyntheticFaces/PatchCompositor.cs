using OpenCvSharp;

namespace SyntheticFaces;

/// <summary>Puts a placed face on the canvas: its source crop resized, maybe mirrored, alpha-blended through a <see cref="FeatherMask"/>.</summary>
internal static class PatchCompositor
{
    public static void Paste(Mat canvas, Mat sourcePhoto, PlacedFace face)
    {
        using var patch = new Mat();
        using (var roi = new Mat(sourcePhoto, face.Source.Crop))
        {
            InterpolationFlags interpolation = face.ScaleX < 1 ? InterpolationFlags.Area : InterpolationFlags.Cubic;
            Cv2.Resize(roi, patch, face.Patch.Size, 0, 0, interpolation);
        }

        if (face.Mirror)
        {
            Cv2.Flip(patch, patch, FlipMode.Y);
        }

        Blend(canvas, patch, face.Patch, FeatherMask.Alpha(patch.Width, patch.Height, face.FaceInPatch));
    }

    /// <summary>canvas[at] = patch * alpha + canvas[at] * (1 - alpha), in 32-bit float, rounded back to 8 bits.</summary>
    private static void Blend(Mat canvas, Mat patch, Rect at, float[] alpha)
    {
        using var a1 = new Mat(patch.Height, patch.Width, MatType.CV_32FC1);
        a1.SetArray(alpha);
        using var a3 = new Mat();
        Cv2.Merge([a1, a1, a1], a3);
        using var inverse = new Mat();
        Cv2.Subtract(Scalar.All(1.0), a3, inverse);
        using var destination = new Mat(canvas, at);
        using var patchF = new Mat();
        using var destinationF = new Mat();
        patch.ConvertTo(patchF, MatType.CV_32FC3);
        destination.ConvertTo(destinationF, MatType.CV_32FC3);
        using var mixed = new Mat();
        Cv2.Add(patchF.Mul(a3), destinationF.Mul(inverse), mixed);
        mixed.ConvertTo(destination, MatType.CV_8UC3);
    }
}
