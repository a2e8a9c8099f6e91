using OpenCvSharp;

namespace SyntheticFaces;

/// <summary>A labelled face usable as a paste source.</summary>
/// <param name="File">The photo it is in.</param>
/// <param name="Index">Its index in that photo's <c>faces</c> list.</param>
/// <param name="Box">Its truth box.</param>
/// <param name="Crop">The part of the photo pasted with it: the box plus context, clear of every other labelled face.</param>
internal sealed record FaceSource(string File, int Index, Rect Box, Rect Crop)
{
    /// <summary>Context kept around the face box, per side, as a fraction of the box size.</summary>
    private const double MarginFraction = 0.5;

    /// <summary>Smallest margin a crop may be cut down to when a neighbouring face is close.</summary>
    private const double MinMarginFraction = 0.12;

    /// <summary>Neighbouring faces are kept out of a crop with this extra border (fraction of their size).</summary>
    private const double NeighbourGuard = 0.15;

    /// <summary>Faces smaller than this (box height or width, px) are not used: they would have to be upscaled.</summary>
    private const int MinSourceFace = 60;

    /// <summary>
    /// Every non-difficult labelled face big enough to be scaled down, whole inside its photo, that keeps a crop of
    /// context clear of every other labelled face in that photo, difficult ones included: no unlabelled face can come
    /// along into a patch. In the order of <paramref name="photos"/>, then of each photo's faces.
    /// </summary>
    public static List<FaceSource> FindAll(IEnumerable<TruthImage> photos)
    {
        var sources = new List<FaceSource>();
        foreach (TruthImage photo in photos)
        {
            for (int i = 0; i < photo.Faces.Count; i++)
            {
                TruthBox face = photo.Faces[i];
                if (face.Difficult || face.H < MinSourceFace || face.W < MinSourceFace)
                {
                    continue;
                }

                var box = new Rect(face.X, face.Y, face.W, face.H);
                if ((box & new Rect(0, 0, photo.Width, photo.Height)) != box)
                {
                    continue; // truncated by the photo's edge
                }

                if (CropClearOfNeighbours(photo, i) is Rect crop)
                {
                    sources.Add(new FaceSource(photo.File, i, box, crop));
                }
            }
        }

        return sources;
    }

    /// <summary>
    /// The face box with its margin, clipped to the photo and cut back, one side at a time, until no other face
    /// (grown by <see cref="NeighbourGuard"/>) is in it; null if that would leave less than the minimum margin.
    /// </summary>
    private static Rect? CropClearOfNeighbours(TruthImage photo, int faceIndex)
    {
        TruthBox f = photo.Faces[faceIndex];
        int size = Math.Max(f.W, f.H);
        int margin = (int)Math.Round(MarginFraction * size);
        int minMargin = (int)Math.Round(MinMarginFraction * size);
        int l = Math.Max(0, f.X - margin), t = Math.Max(0, f.Y - margin);
        int r = Math.Min(photo.Width, f.X + f.W + margin), b = Math.Min(photo.Height, f.Y + f.H + margin);
        for (int j = 0; j < photo.Faces.Count; j++)
        {
            if (j == faceIndex)
            {
                continue;
            }

            TruthBox other = photo.Faces[j];
            int guard = (int)Math.Ceiling(NeighbourGuard * Math.Max(other.W, other.H));
            int ol = other.X - guard, ot = other.Y - guard, or = other.X + other.W + guard, ob = other.Y + other.H + guard;
            if (ol >= r || or <= l || ot >= b || ob <= t)
            {
                continue;
            }

            // Cut the crop on the side that keeps the most area while keeping the minimum margin.
            (int l, int t, int r, int b)? best = null;
            long bestArea = -1;
            (int, int, int, int)[] cuts =
            [
                (Math.Max(l, or), t, r, b), (l, t, Math.Min(r, ol), b),
                (l, Math.Max(t, ob), r, b), (l, t, r, Math.Min(b, ot)),
            ];
            foreach (var (cl, ct, cr, cb) in cuts)
            {
                bool keepsMargin = cl <= f.X - Math.Min(minMargin, f.X) && ct <= f.Y - Math.Min(minMargin, f.Y)
                    && cr >= f.X + f.W + Math.Min(minMargin, photo.Width - f.X - f.W)
                    && cb >= f.Y + f.H + Math.Min(minMargin, photo.Height - f.Y - f.H);
                long area = (long)(cr - cl) * (cb - ct);
                if (keepsMargin && area > bestArea)
                {
                    bestArea = area;
                    best = (cl, ct, cr, cb);
                }
            }

            if (best is null)
            {
                return null;
            }

            (l, t, r, b) = best.Value;
            j = -1; // re-check all neighbours against the smaller crop
        }

        return new Rect(l, t, r - l, b - t);
    }
}
