using OpenCvSharp;

namespace SyntheticFaces;

/// <summary>The part of a no-face photo a synthetic image is made from: a crop with the output's aspect, maybe mirrored.</summary>
/// <param name="File">The photo.</param>
internal sealed record BackgroundCrop(string File, Rect Crop, bool Mirror)
{
    /// <summary>Smallest crop, as a fraction of the area of the largest crop with the output's aspect.</summary>
    private const double MinAreaFraction = 0.6;

    private const int MinCropSide = 16;

    /// <summary>A random crop of 60-100 % of the largest one with the output's aspect, at a random place; mirrored half the time.</summary>
    public static BackgroundCrop Draw(SplitMix64 rng, string file, Size photo, Size output)
    {
        double aspect = (double)output.Width / output.Height;
        int cw = photo.Width, ch = (int)Math.Round(photo.Width / aspect);
        if (ch > photo.Height)
        {
            ch = photo.Height;
            cw = (int)Math.Round(photo.Height * aspect);
        }

        double linearFraction = Math.Sqrt(rng.Uniform(MinAreaFraction, 1.0));
        cw = Math.Max(MinCropSide, (int)Math.Round(cw * linearFraction));
        ch = Math.Max(MinCropSide, (int)Math.Round(ch * linearFraction));
        int x = rng.Next(0, photo.Width - cw + 1), y = rng.Next(0, photo.Height - ch + 1);
        bool mirror = rng.NextDouble() < 0.5;
        return new BackgroundCrop(file, new Rect(x, y, cw, ch), mirror);
    }

    /// <summary>The crop of <paramref name="photo"/> resized to the output size (bicubic when enlarging), mirrored if drawn so.</summary>
    public Mat Render(Mat photo, Size output)
    {
        var canvas = new Mat();
        using (var roi = new Mat(photo, Crop))
        {
            InterpolationFlags interpolation = Crop.Width < output.Width ? InterpolationFlags.Cubic : InterpolationFlags.Area;
            Cv2.Resize(roi, canvas, output, 0, 0, interpolation);
        }

        if (Mirror)
        {
            Cv2.Flip(canvas, canvas, FlipMode.Y);
        }

        return canvas;
    }
}
