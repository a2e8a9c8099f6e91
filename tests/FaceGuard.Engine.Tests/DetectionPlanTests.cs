using FaceGuard.Engine.Detection;
using FaceGuard.Engine.Detection.BlazeFace;
using OpenCvSharp;

namespace FaceGuard.Engine.Tests;

public class DetectionPlanTests
{
    private const int InputSize = 256;
    private const float LargestReliableInputPixels = 130; // measured: faces up to ~136 px of the 256 input are all found

    [Theory]
    [InlineData(1920, 1280, Sensitivity.High)]
    [InlineData(1920, 1080, Sensitivity.Normal)]
    [InlineData(2000, 1500, Sensitivity.High)]
    [InlineData(640, 480, Sensitivity.High)]
    [InlineData(300, 2000, Sensitivity.High)]
    public void Every_face_size_the_sensitivity_promises_is_seen_whole_at_a_size_the_model_finds(int width, int height, Sensitivity sensitivity)
    {
        var regions = DetectionPlan.Regions(new Size(width, height), InputSize, sensitivity);
        int smallest = DetectionPlan.SmallestFace(sensitivity);
        var random = new Random(1);

        for (int trial = 0; trial < 3000; trial++)
        {
            int size = random.Next(smallest, Math.Min(width, height) + 1);
            int x = random.Next(0, width - size + 1), y = random.Next(0, height - size + 1);
            var face = new Rect(x, y, size, size);

            bool seen = regions.Any(r =>
            {
                float inputPixels = size * InputSize / (float)Math.Max(r.Width, r.Height);
                return r.Contains(face) && inputPixels >= DetectionPlan.ReliableFaceInputPixels - 0.5f
                       && (inputPixels <= LargestReliableInputPixels || r == regions[0]);
            });
            Assert.True(seen, $"a {size}px face at {x},{y} in {width}x{height} is in no region at a findable size");
        }
    }

    [Fact]
    public void Normal_sensitivity_needs_far_fewer_passes_than_high()
    {
        var size = new Size(1920, 1080);
        int normal = DetectionPlan.Regions(size, InputSize, Sensitivity.Normal).Count;
        int high = DetectionPlan.Regions(size, InputSize, Sensitivity.High).Count;
        Assert.True(normal * 3 < high, $"normal {normal} passes, high {high}");
    }

    [Fact]
    public void Pyramid_picks_the_coarsest_level_still_at_least_the_input_size()
    {
        using var image = new Mat(1280, 1920, MatType.CV_8UC3, Scalar.All(0));
        using var pyramid = new ImagePyramid(image, InputSize);

        var (_, whole, factor) = pyramid.Select(new Rect(0, 0, 1920, 1280), InputSize);
        Assert.Equal(4, factor); // 1920 / 4 = 480 ≥ 256, 1920 / 8 = 240 < 256
        Assert.Equal(new Rect(0, 0, 480, 320), whole);

        var (_, tile, tileFactor) = pyramid.Select(new Rect(600, 300, 256, 256), InputSize);
        Assert.Equal(1, tileFactor);
        Assert.Equal(new Rect(600, 300, 256, 256), tile);
    }
}
