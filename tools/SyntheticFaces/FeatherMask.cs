namespace SyntheticFaces;

/// <summary>
/// The soft edge of a pasted patch: a rounded-rectangle (superellipse) alpha around the face box centre, with per-side
/// radii reaching the patch border, fully opaque over the face box and fading to zero at the border.
/// </summary>
internal static class FeatherMask
{
    /// <summary>The fade never starts nearer the centre than this (in superellipse radius, 1 = patch border).</summary>
    private const double MinFadeStart = 0.62;

    /// <summary>Opaque margin beyond the face box corner before the fade starts.</summary>
    private const double FadeStartPastBox = 0.03;

    /// <summary>The fade always keeps at least this much of the radius to fall off in.</summary>
    private const double MaxFadeStart = 0.97;

    /// <summary>Smallest radius, so a box centre on the patch border does not divide by zero.</summary>
    private const double MinRadius = 1e-3;

    /// <summary>Alpha per pixel, row by row, in [0, 1].</summary>
    public static float[] Alpha(int width, int height, EdgeBox face)
    {
        double cx = (face.Left + face.Right) / 2, cy = (face.Top + face.Bottom) / 2;
        double left = Math.Max(cx, MinRadius), right = Math.Max(width - cx, MinRadius);
        double top = Math.Max(cy, MinRadius), bottom = Math.Max(height - cy, MinRadius);

        // The box corner's radius sets where the fade may start, so the face box itself stays opaque.
        double cornerRadius = Superellipse(
            Math.Max((cx - face.Left) / left, (face.Right - cx) / right),
            Math.Max((cy - face.Top) / top, (face.Bottom - cy) / bottom));
        double fadeStart = Math.Clamp(Math.Max(MinFadeStart, cornerRadius + FadeStartPastBox), 0, MaxFadeStart);
        var alpha = new float[width * height];
        for (int y = 0; y < height; y++)
        {
            double py = y + 0.5 - cy;
            double ny = py < 0 ? -py / top : py / bottom;
            for (int x = 0; x < width; x++)
            {
                double px = x + 0.5 - cx;
                double nx = px < 0 ? -px / left : px / right;
                double t = Math.Clamp((Superellipse(nx, ny) - fadeStart) / (1.0 - fadeStart), 0, 1);
                alpha[(y * width) + x] = (float)(1 - (t * t * (3 - (2 * t)))); // smoothstep
            }
        }

        return alpha;
    }

    /// <summary>Radius of the point (nx, ny) in the 4-norm: a square with rounded corners.</summary>
    private static double Superellipse(double nx, double ny)
    {
        double x2 = nx * nx, y2 = ny * ny;
        return Math.Sqrt(Math.Sqrt((x2 * x2) + (y2 * y2)));
    }
}
