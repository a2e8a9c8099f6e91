using OpenCvSharp;

namespace FaceGuard.Engine.Detection.BlazeFace;

/// <summary>
/// How a region of an image was fitted into the square network input: scaled to fit with its aspect ratio kept,
/// centred, the border left black (-1 after normalisation), as MediaPipe's ImageToTensorCalculator does.
/// Maps network coordinates back to pixels of the pyramid's base image.
/// </summary>
internal readonly record struct Letterbox(float OriginX, float OriginY, float Scale, int PadX, int PadY, int InputSize)
{
    /// <summary>
    /// Writes <paramref name="region"/> (base pixels) into <paramref name="tensor"/> as NHWC RGB floats in [-1, 1].
    /// </summary>
    public static unsafe Letterbox Fill(ImagePyramid pyramid, Rect region, int inputSize, float[] tensor)
    {
        var (level, levelRegion, factor) = pyramid.Select(region, inputSize);
        float levelScale = inputSize / (float)Math.Max(levelRegion.Width, levelRegion.Height);
        int width = Math.Clamp((int)MathF.Round(levelRegion.Width * levelScale), 1, inputSize);
        int height = Math.Clamp((int)MathF.Round(levelRegion.Height * levelScale), 1, inputSize);
        int padX = (inputSize - width) / 2, padY = (inputSize - height) / 2;

        using var source = new Mat(level, levelRegion);
        using var canvas = new Mat(inputSize, inputSize, MatType.CV_8UC3, Scalar.All(0));
        using (var target = new Mat(canvas, new Rect(padX, padY, width, height)))
            Cv2.Resize(source, target, new Size(width, height), 0, 0, InterpolationFlags.Linear);
        Cv2.CvtColor(canvas, canvas, ColorConversionCodes.BGR2RGB);
        fixed (float* destination = tensor)
        {
            using var floats = Mat.FromPixelData(inputSize, inputSize, MatType.CV_32FC3, (IntPtr)destination);
            canvas.ConvertTo(floats, MatType.CV_32FC3, 1 / 127.5, -1);
        }
        return new Letterbox(levelRegion.X * factor, levelRegion.Y * factor, levelScale / factor, padX, padY, inputSize);
    }

    /// <summary>Maps a point in normalised input coordinates back to pixels of the base image.</summary>
    public (float X, float Y) ToImage(float normalizedX, float normalizedY) =>
        (OriginX + (normalizedX * InputSize - PadX) / Scale, OriginY + (normalizedY * InputSize - PadY) / Scale);

    /// <summary>Maps a length in normalised input units back to pixels of the base image.</summary>
    public float ToImageLength(float normalized) => normalized * InputSize / Scale;
}
