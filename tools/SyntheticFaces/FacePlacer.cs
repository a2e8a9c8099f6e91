using OpenCvSharp;

namespace SyntheticFaces;

/// <summary>
/// Decides the faces of one synthetic image: how many, how big, from which source, mirrored or not, and where
/// (at random, never overlapping, always inside the canvas). Draws from the shared generator, so the order of the
/// draws is part of the output.
/// </summary>
internal sealed class FacePlacer(SplitMix64 rng, IReadOnlyList<FaceSource> sources, GeneratorOptions options)
{
    /// <summary>Largest allowed upscale of a source face.</summary>
    private const double MaxUpscale = 1.3;

    /// <summary>Free gap between pasted patches, px.</summary>
    private const int Gap = 2;

    private const int MaxPlacementAttempts = 300;

    /// <summary>The faces that found a place, largest first; a face that finds none is dropped.</summary>
    public List<PlacedFace> Place(Size canvas)
    {
        int count = rng.Next(options.MinFaces, options.MaxFaces + 1);
        var sizes = new List<double>();
        for (int i = 0; i < count; i++)
        {
            sizes.Add(FaceSizeBands.Draw(rng, options.MinFaceSize, options.MaxFaceSize));
        }

        sizes.Sort((p, q) => q.CompareTo(p)); // big first: they are the hardest to place
        var placed = new List<PlacedFace>();
        foreach (double size in sizes)
        {
            if (TryPlace(size, canvas, placed) is PlacedFace face)
            {
                placed.Add(face);
            }
        }

        return placed;
    }

    /// <param name="size">Target box height, px.</param>
    private PlacedFace? TryPlace(double size, Size canvas, List<PlacedFace> placed)
    {
        // A source face that needs at most MaxUpscale to reach this size.
        var usable = sources.Where(s => s.Box.Height * MaxUpscale >= size).ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        FaceSource source = usable[rng.Next(0, usable.Count)];
        bool mirror = rng.NextDouble() < 0.5;
        double scale = size / source.Box.Height;
        Rect crop = source.Crop;
        int pw = Math.Max(1, (int)Math.Round(crop.Width * scale));
        int ph = Math.Max(1, (int)Math.Round(crop.Height * scale));
        if (pw + (2 * Gap) > canvas.Width || ph + (2 * Gap) > canvas.Height)
        {
            return null;
        }

        // Exact scale actually applied by the resize (dst size / src size), per axis.
        double sx = (double)pw / crop.Width, sy = (double)ph / crop.Height;

        if (FindFreeSpot(pw, ph, canvas, placed) is not Rect patch)
        {
            return null; // no free space left for this size
        }

        double left = (source.Box.X - crop.X) * sx, right = (source.Box.X + source.Box.Width - crop.X) * sx;
        double top = (source.Box.Y - crop.Y) * sy, bottom = (source.Box.Y + source.Box.Height - crop.Y) * sy;
        if (mirror)
        {
            (left, right) = (pw - right, pw - left);
        }

        return new PlacedFace(source, mirror, sx, sy, patch, new EdgeBox(left, top, right, bottom));
    }

    private Rect? FindFreeSpot(int width, int height, Size canvas, List<PlacedFace> placed)
    {
        for (int attempt = 0; attempt < MaxPlacementAttempts; attempt++)
        {
            int x = rng.Next(0, canvas.Width - width + 1);
            int y = rng.Next(0, canvas.Height - height + 1);
            var spot = new Rect(x, y, width, height);
            var grown = new Rect(x - Gap, y - Gap, width + (2 * Gap), height + (2 * Gap));
            if (!placed.Any(p => (p.Patch & grown).Width > 0))
            {
                return spot;
            }
        }

        return null;
    }
}
