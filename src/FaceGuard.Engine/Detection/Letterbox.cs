using OpenCvSharp;

namespace FaceGuard.Engine.Detection;

/// <summary>
/// How a region of an image was fitted into the square network input: scaled to fit with its aspect ratio kept,
/// centred, the border left black (-1 after normalisation), as MediaPipe's ImageToTensorCalculator does.
/// </summary>
internal readonly record struct Letterbox(Rect Region, float Scale, int PadX, int PadY, int InputSize)
{
    /// <summary>
    /// Writes <paramref name="region"/> of the BGR image into <paramref name="tensor"/> as NHWC RGB floats in [-1, 1].
    /// </summary>
    public static unsafe Letterbox Fill(Mat image, Rect region, int inputSize, float[] tensor)
    {
        float scale = inputSize / (float)Math.Max(region.Width, region.Height);
        int width = Math.Clamp((int)MathF.Round(region.Width * scale), 1, inputSize);
        int height = Math.Clamp((int)MathF.Round(region.Height * scale), 1, inputSize);
        int padX = (inputSize - width) / 2, padY = (inputSize - height) / 2;

        using var source = new Mat(image, region);
        using var canvas = new Mat(inputSize, inputSize, MatType.CV_8UC3, Scalar.All(0));
        using (var target = new Mat(canvas, new Rect(padX, padY, width, height)))
        {
            // Area averaging keeps small faces recognisable when a large region shrinks a lot.
            var interpolation = scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear;
            Cv2.Resize(source, target, new Size(width, height), 0, 0, interpolation);
        }
        Cv2.CvtColor(canvas, canvas, ColorConversionCodes.BGR2RGB);
        fixed (float* destination = tensor)
        {
            using var floats = Mat.FromPixelData(inputSize, inputSize, MatType.CV_32FC3, (IntPtr)destination);
            canvas.ConvertTo(floats, MatType.CV_32FC3, 1 / 127.5, -1);
        }
        return new Letterbox(region, scale, padX, padY, inputSize);
    }

    /// <summary>Maps a point in normalised input coordinates back to pixels of the searched image.</summary>
    public (float X, float Y) ToImage(float normalizedX, float normalizedY) =>
        (Region.X + (normalizedX * InputSize - PadX) / Scale, Region.Y + (normalizedY * InputSize - PadY) / Scale);

    /// <summary>Maps a length in normalised input units back to pixels of the searched image.</summary>
    public float ToImageLength(float normalized) => normalized * InputSize / Scale;
}
