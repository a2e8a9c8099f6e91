using OpenCvSharp;

namespace FaceGuard.Engine.Detection;

/// <summary>A tile to search and the part of it that owns what is found there.</summary>
/// <param name="Core">The cores of a grid partition its area: a detection is kept only by the tile whose core holds its
/// centre. Cores end halfway into each overlap, so a face up to the overlap's size centred in a core lies whole in
/// that tile; what a tile finds cut by its edge belongs to the neighbour that sees it whole.</param>
internal readonly record struct Tile(Rect Area, Rect Core)
{
    public bool Owns(BoundingBox box) =>
        box.CenterX >= Core.X && box.CenterX < Core.Right && box.CenterY >= Core.Y && box.CenterY < Core.Bottom;
}

/// <summary>
/// Splits an area into the fewest overlapping tiles of at most a given number of pixels. Neighbouring tiles share at
/// least <c>overlap</c> pixels. Tile sides are rounded up to the alignment where the area allows it, so a network that
/// pads its input to that alignment wastes nothing.
/// </summary>
internal static class TileGrid
{
    public static List<Tile> Split(Rect area, long maxPixels, int overlap, int alignment = 1)
    {
        if (4L * overlap * overlap > maxPixels) throw new ArgumentOutOfRangeException(nameof(overlap), overlap, "The overlap leaves no room for tiles.");
        long pixels = (long)area.Width * area.Height;
        int count = (int)Math.Max(1, (pixels + maxPixels - 1) / maxPixels);
        if (count == 1) return [new Tile(area, area)];

        // As square as the area allows: columns in proportion to the width.
        int columns = Math.Clamp((int)Math.Round(Math.Sqrt(count * (double)area.Width / area.Height)), 1, count);
        int rows = (count + columns - 1) / columns;
        while ((long)Side(area.Width, columns, overlap, alignment) * Side(area.Height, rows, overlap, alignment) > maxPixels)
        {
            if (Side(area.Width, columns, overlap, alignment) >= Side(area.Height, rows, overlap, alignment)) columns++;
            else rows++;
        }

        var xs = Spans(area.X, area.Width, Side(area.Width, columns, overlap, alignment), columns);
        var ys = Spans(area.Y, area.Height, Side(area.Height, rows, overlap, alignment), rows);
        var tiles = new List<Tile>(columns * rows);
        foreach (var y in ys)
        foreach (var x in xs)
            tiles.Add(new Tile(
                new Rect(x.Start, y.Start, x.Length, y.Length),
                new Rect(x.CoreStart, y.CoreStart, x.CoreEnd - x.CoreStart, y.CoreEnd - y.CoreStart)));
        return tiles;
    }

    private static int Side(int length, int count, int overlap, int alignment)
    {
        if (count == 1) return length;
        int side = (length + (count - 1) * overlap + count - 1) / count;
        return Math.Min(length, (side + alignment - 1) / alignment * alignment);
    }

    /// <summary>Evenly spread tiles along one axis (the first at the start, the last ending at the end), each with its core.</summary>
    private static List<(int Start, int Length, int CoreStart, int CoreEnd)> Spans(int origin, int length, int side, int count)
    {
        var starts = new int[count];
        for (int i = 0; i < count; i++) starts[i] = count == 1 ? 0 : (int)Math.Round(i * (length - side) / (double)(count - 1));
        var spans = new List<(int, int, int, int)>(count);
        for (int i = 0; i < count; i++)
        {
            int coreStart = i == 0 ? 0 : (starts[i] + starts[i - 1] + side) / 2;
            int coreEnd = i == count - 1 ? length : (starts[i + 1] + starts[i] + side) / 2;
            spans.Add((origin + starts[i], side, origin + coreStart, origin + coreEnd));
        }
        return spans;
    }
}
