using OpenCvSharp;

namespace FaceGuard.Engine.Detection;

/// <summary>A tile to search and the part of it that owns what is found there.</summary>
/// <param name="Core">The cores of a grid partition its area: a detection is kept only by the tile whose core holds its
/// centre. Cores end halfway into each overlap, so a face up to the overlap's size centred in a core lies whole in
/// that tile; what a tile finds cut by its edge belongs to the neighbour that sees it whole.</param>
internal readonly record struct Tile(Rect Area, Rect Core)
{
    /// <summary>
    /// Whether the detection is this tile's: centred in its core and not running into an edge it shares with a
    /// neighbour. A box that reaches such an edge is a face the tile sees cut: half a face found alone is a false
    /// alarm, and blended with the whole one it drags the mask off the face. A face that large is another pass's.
    /// </summary>
    public bool Owns(BoundingBox box)
    {
        if (box.CenterX < Core.X || box.CenterX >= Core.Right || box.CenterY < Core.Y || box.CenterY >= Core.Bottom) return false;
        // The network places a cut face's box a few pixels short of the edge.
        float margin = Math.Max(4f, 0.05f * Math.Max(box.Width, box.Height));
        return !(Core.X > Area.X && box.X <= Area.X + margin) && !(Core.Right < Area.Right && box.Right >= Area.Right - margin)
               && !(Core.Y > Area.Y && box.Y <= Area.Y + margin) && !(Core.Bottom < Area.Bottom && box.Bottom >= Area.Bottom - margin);
    }
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

        // The grid whose tiles fit the budget with the fewest pixels in all (overlaps count twice), then the fewest tiles.
        (int Columns, int Rows, long Pixels) best = (0, 0, long.MaxValue);
        int maxColumns = Math.Max(1, area.Width / overlap), maxRows = Math.Max(1, area.Height / overlap);
        for (int columns = 1; columns <= maxColumns; columns++)
        {
            int width = Side(area.Width, columns, overlap, alignment);
            int rows = 1;
            while (rows < maxRows && (long)width * Side(area.Height, rows, overlap, alignment) > maxPixels) rows++;
            int height = Side(area.Height, rows, overlap, alignment);
            if ((long)width * height > maxPixels && !(columns == maxColumns && best.Columns == 0)) continue;
            long pixels = (long)columns * rows * width * height;
            // Within 1 %, squarer tiles: tall narrow ones measured slower per pixel.
            if (pixels < best.Pixels * 0.99 || (pixels <= best.Pixels * 1.01 && Squareness(width, height) > Squareness(area.Width, area.Height, best))) best = (columns, rows, pixels);
        }

        var xs = Spans(area.X, area.Width, Side(area.Width, best.Columns, overlap, alignment), best.Columns);
        var ys = Spans(area.Y, area.Height, Side(area.Height, best.Rows, overlap, alignment), best.Rows);
        var tiles = new List<Tile>(best.Columns * best.Rows);
        foreach (var y in ys)
        foreach (var x in xs)
            tiles.Add(new Tile(
                new Rect(x.Start, y.Start, x.Length, y.Length),
                new Rect(x.CoreStart, y.CoreStart, x.CoreEnd - x.CoreStart, y.CoreEnd - y.CoreStart)));
        return tiles;
    }

    private static double Squareness(int width, int height) => Math.Min(width, height) / (double)Math.Max(width, height);

    private static double Squareness(int areaWidth, int areaHeight, (int Columns, int Rows, long Pixels) grid) =>
        grid.Columns == 0 ? 0 : Squareness(areaWidth / grid.Columns, areaHeight / grid.Rows);

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
