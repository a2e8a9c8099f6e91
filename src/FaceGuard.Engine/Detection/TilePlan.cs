using OpenCvSharp;

namespace FaceGuard.Engine.Detection;

/// <summary>Square tiles of one side that cover an image with at least the given overlap between neighbours.</summary>
internal static class TilePlan
{
    public static IEnumerable<Rect> Cover(Size image, int tileSide, float overlap)
    {
        int[] xs = Starts(image.Width, tileSide, overlap);
        int[] ys = Starts(image.Height, tileSide, overlap);
        foreach (int y in ys)
        foreach (int x in xs)
            yield return new Rect(x, y, Math.Min(tileSide, image.Width - x), Math.Min(tileSide, image.Height - y));
    }

    private static int[] Starts(int length, int tile, float overlap)
    {
        if (length <= tile) return [0];
        int step = Math.Max(1, (int)(tile * (1 - overlap)));
        int count = (int)Math.Ceiling((length - tile) / (double)step) + 1;
        var starts = new int[count];
        for (int i = 0; i < count; i++) starts[i] = (int)Math.Round(i * (length - tile) / (double)(count - 1));
        return starts;
    }
}
