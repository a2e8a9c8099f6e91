using FaceGuard.Engine.Detection;
using OpenCvSharp;

namespace FaceGuard.Engine.Tests;

public class TileGridTests
{
    [Theory]
    [InlineData(1920, 1080, 460_000, 128)]
    [InlineData(2000, 1500, 460_000, 128)]
    [InlineData(1920, 1280, 115_000, 56)]
    [InlineData(4000, 200, 460_000, 128)]
    [InlineData(300, 300, 460_000, 128)]
    public void Cores_partition_the_area_and_every_face_up_to_the_overlap_is_owned_whole_by_one_tile(int width, int height, long maxPixels, int overlap)
    {
        var area = new Rect(0, 0, width, height);
        var tiles = TileGrid.Split(area, maxPixels, overlap, alignment: 32);

        Assert.All(tiles, t => Assert.True((long)t.Area.Width * t.Area.Height <= maxPixels || tiles.Count == 1, $"{t.Area} over budget"));
        Assert.Equal((long)width * height, tiles.Sum(t => (long)t.Core.Width * t.Core.Height));
        var random = new Random(7);
        for (int trial = 0; trial < 5000; trial++)
        {
            int size = random.Next(8, Math.Min(overlap - 8, Math.Min(width, height)));
            var face = new BoundingBox(random.Next(0, width - size + 1), random.Next(0, height - size + 1), size, size);
            var owners = tiles.Where(t => t.Owns(face)).ToList();
            var owner = Assert.Single(owners);
            Assert.True(face.X >= owner.Area.X && face.Right <= owner.Area.Right && face.Y >= owner.Area.Y && face.Bottom <= owner.Area.Bottom,
                $"{face} is owned by {owner.Area}, which cuts it");
        }
    }

    [Fact]
    public void A_box_running_into_an_edge_shared_with_a_neighbour_is_not_owned()
    {
        var tiles = TileGrid.Split(new Rect(0, 0, 1920, 1080), 460_000, 128, 32);
        var left = tiles[0];
        // A face larger than the overlap, centred in the core and cut by the tile's right edge.
        var cut = new BoundingBox(left.Core.Right - 74, 300, 146, 200);
        Assert.True(cut.CenterX < left.Core.Right);
        Assert.False(left.Owns(cut));
        // The same box at the photo's own left edge is a face the photo cuts, and stays.
        Assert.True(left.Owns(new BoundingBox(0, 300, 146, 200)));
    }

    [Fact]
    public void A_1080p_photo_is_six_tiles_of_736x608()
    {
        var tiles = TileGrid.Split(new Rect(0, 0, 1920, 1080), 460_000, 128, 32);
        Assert.Equal(6, tiles.Count);
        Assert.All(tiles, t => Assert.Equal(new Size(736, 608), t.Area.Size));
    }
}
