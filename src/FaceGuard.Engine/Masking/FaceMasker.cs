using OpenCvSharp;

namespace FaceGuard.Engine.Masking;

/// <summary>Hides faces in place: blur, mosaic or solid fill over each face's grown box or its inscribed ellipse.</summary>
internal static class FaceMasker
{
    /// <summary>Gaussian sigma as a fraction of the masked area's longest side: strong enough that eyes, nose and
    /// mouth merge into one smudge at every face size, which a fixed kernel cannot do for both 20 px and 2000 px faces.</summary>
    internal const double BlurSigmaPerSide = 0.125;

    /// <summary>Blocks across the longest side of a mosaic.</summary>
    internal const int MosaicBlocks = 8;

    // The blur runs on a copy shrunk until sigma is this many pixels, then is scaled back up: the cost no longer
    // grows with the square of the face size, and the eye cannot tell the difference at such strengths.
    private const double WorkingSigma = 3.0;

    private static readonly Scalar BoxColor = new(0, 255, 0); // BGR green

    public static void Apply(Mat image, IReadOnlyList<Face> faces, MaskOptions options)
    {
        var imageRect = new Rect(0, 0, image.Width, image.Height);
        var masked = new List<Rect>(faces.Count);
        foreach (var face in faces)
        {
            var area = ToPixels(options.MaskArea(face.Box)) & imageRect;
            if (area.Width < 1 || area.Height < 1) continue;
            MaskOne(image, area, options);
            masked.Add(area);
        }

        if (options.DrawBoxes)
        {
            int thickness = Math.Max(2, Math.Max(image.Width, image.Height) / 500);
            foreach (var area in masked) Cv2.Rectangle(image, area, BoxColor, thickness);
        }
    }

    private static void MaskOne(Mat image, Rect area, MaskOptions options)
    {
        using var region = new Mat(image, area);
        using var hidden = options.Style switch
        {
            MaskStyle.Blur => Blur(region),
            MaskStyle.Mosaic => Mosaic(region),
            MaskStyle.Solid => new Mat(region.Size(), region.Type(), Scalar.All(0)),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Style, null),
        };

        if (!options.Ellipse)
        {
            hidden.CopyTo(region);
            return;
        }
        using var mask = new Mat(region.Size(), MatType.CV_8UC1, Scalar.All(0));
        var center = new Point(area.Width / 2, area.Height / 2);
        Cv2.Ellipse(mask, center, new Size(area.Width / 2, area.Height / 2), 0, 0, 360, Scalar.All(255), -1, LineTypes.AntiAlias);
        hidden.CopyTo(region, mask);
    }

    private static Mat Blur(Mat region)
    {
        double sigma = Math.Max(1.0, Math.Max(region.Width, region.Height) * BlurSigmaPerSide);
        double shrink = Math.Max(1.0, sigma / WorkingSigma);
        var small = new Size(Math.Max(1, (int)Math.Round(region.Width / shrink)), Math.Max(1, (int)Math.Round(region.Height / shrink)));

        using var reduced = new Mat();
        Cv2.Resize(region, reduced, small, 0, 0, InterpolationFlags.Area);
        Cv2.GaussianBlur(reduced, reduced, new Size(0, 0), sigma / shrink, sigma / shrink, BorderTypes.Reflect101);
        var result = new Mat();
        Cv2.Resize(reduced, result, region.Size(), 0, 0, InterpolationFlags.Linear);
        return result;
    }

    private static Mat Mosaic(Mat region)
    {
        int block = Math.Max(2, (int)Math.Ceiling(Math.Max(region.Width, region.Height) / (double)MosaicBlocks));
        var small = new Size(Math.Max(1, (region.Width + block - 1) / block), Math.Max(1, (region.Height + block - 1) / block));
        using var reduced = new Mat();
        Cv2.Resize(region, reduced, small, 0, 0, InterpolationFlags.Area);
        var result = new Mat();
        Cv2.Resize(reduced, result, region.Size(), 0, 0, InterpolationFlags.Nearest);
        return result;
    }

    private static Rect ToPixels(BoundingBox box)
    {
        int left = (int)Math.Floor(box.X), top = (int)Math.Floor(box.Y);
        int right = (int)Math.Ceiling(box.Right), bottom = (int)Math.Ceiling(box.Bottom);
        return new Rect(left, top, right - left, bottom - top);
    }
}
