using FaceGuard.Engine.Detection;
using FaceGuard.Engine.Detection.BlazeFace;

namespace FaceGuard.Engine.Tests;

public class BlazeFaceDecoderTests
{
    private const int InputSize = 128;

    [Fact]
    public void Decodes_one_confident_anchor_into_image_pixels_through_the_letterbox()
    {
        var anchors = new[] { new Anchor(0.25f, 0.5f), new Anchor(0.75f, 0.5f) };
        float[] logits = [-5f, 3f]; // only the second anchor passes 0.5
        var regressions = new float[2 * 16];
        // Second anchor: centre moved 8 input px right and 4 up, box 32x40 input px, keypoint 0 at the anchor.
        float[] raw = [8, -4, 32, 40, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5];
        raw.CopyTo(regressions, 16);
        // A 400x200 region at (100, 50) letterboxed into 128: scale 0.32, 64 px high, centred with 32 px bands.
        var letterbox = new Letterbox(OriginX: 100, OriginY: 50, Scale: 128f / 400, PadX: 0, PadY: 32, InputSize);

        var output = new List<Candidate>();
        BlazeFaceDecoder.Decode(logits, regressions, anchors, 0.5f, letterbox, output);

        var face = Assert.Single(output);
        Assert.Equal(1 / (1 + MathF.Exp(-3f)), face.Score, 5);
        // Centre in input px: (0.75*128 + 8, 0.5*128 - 4) = (104, 60); in image: 100 + 104/0.32, 50 + (60-32)/0.32.
        float scale = 128f / 400;
        Assert.Equal(100 + 104 / scale, face.Box.CenterX, 2);
        Assert.Equal(50 + (60 - 32) / scale, face.Box.CenterY, 2);
        Assert.Equal(32 / scale, face.Box.Width, 2);
        Assert.Equal(40 / scale, face.Box.Height, 2);
        // Keypoint 0 sits on the anchor: (96, 64) input px.
        var keypoint = face.ToFace(1f).Keypoints[0];
        Assert.Equal(100 + 96 / scale, keypoint.X, 2);
        Assert.Equal(50 + (64 - 32) / scale, keypoint.Y, 2);
    }

    [Fact]
    public void Clips_extreme_logits_instead_of_overflowing()
    {
        var output = new List<Candidate>();
        var letterbox = new Letterbox(0, 0, 1f, 0, 0, InputSize);
        BlazeFaceDecoder.Decode([1e30f], new float[16], [new Anchor(0.5f, 0.5f)], 0.5f, letterbox, output);
        Assert.Equal(1f, Assert.Single(output).Score, 5);
    }
}
