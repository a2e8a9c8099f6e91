using FaceGuard.Engine.Detection;
using FaceGuard.Engine.Detection.YuNet;

namespace FaceGuard.Engine.Tests;

public class YuNetDecoderTests
{
    [Fact]
    public void Decodes_one_confident_cell_into_image_pixels()
    {
        // A stride-8 grid of 4 columns and 2 rows; only cell 5 (row 1, column 1) is confident: sqrt(0.81 * 1) = 0.9.
        float[] cls = [0, 0, 0, 0, 0.2f, 0.81f, 0, 0];
        float[] obj = [0, 0, 0, 0, 0.2f, 1.0f, 0, 0];
        var bbox = new float[8 * 4];
        // Centre half a cell right and a quarter down of the cell's corner, 2 cells wide, 3 tall.
        float[] box = [0.5f, 0.25f, MathF.Log(2), MathF.Log(3)];
        box.CopyTo(bbox, 5 * 4);
        var kps = new float[8 * 10];
        float[] points = [0, 0, 1, 0, 0.5f, 0.5f, 0, 1, 1, 1];
        points.CopyTo(kps, 5 * 10);

        // The tile was enlarged twice (toImage 0.5) and starts at (100, 50) in the image.
        var output = new List<Candidate>();
        YuNetDecoder.Decode(cls, obj, bbox, kps, stride: 8, columns: 4, minScore: 0.5f, toImage: 0.5f, originX: 100, originY: 50, output);

        var face = Assert.Single(output);
        Assert.Equal(0.9f, face.Score, 5);
        // Centre in input px: ((1 + 0.5) * 8, (1 + 0.25) * 8) = (12, 10); size (16, 24); halved and moved by the origin.
        Assert.Equal(100 + 6 - 4, face.Box.X, 4);
        Assert.Equal(50 + 5 - 6, face.Box.Y, 4);
        Assert.Equal(8, face.Box.Width, 4);
        Assert.Equal(12, face.Box.Height, 4);
        var keypoints = face.ToFace(1f).Keypoints;
        Assert.Equal(5, keypoints.Count);
        Assert.Equal(new Keypoint(104, 54), keypoints[0]); // the cell's corner
        Assert.Equal(new Keypoint(108, 54), keypoints[1]); // one cell right
        Assert.Equal(new Keypoint(108, 58), keypoints[4]); // one cell right and down
    }

    [Fact]
    public void Clamps_probabilities_and_drops_cells_below_the_threshold()
    {
        var output = new List<Candidate>();
        // cls 1.5 counts as 1; obj -0.2 as 0 (score 0); 0.3 * 0.3 gives 0.3 < 0.35.
        YuNetDecoder.Decode([1.5f, 1.5f, 0.3f], [1.0f, -0.2f, 0.3f], new float[3 * 4], new float[3 * 10],
            stride: 32, columns: 3, minScore: 0.35f, toImage: 1f, originX: 0, originY: 0, output);

        var face = Assert.Single(output);
        Assert.Equal(1f, face.Score);
    }
}
