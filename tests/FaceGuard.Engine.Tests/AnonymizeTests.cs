using FaceGuard.Analysis.Evaluation;
using OpenCvSharp;

namespace FaceGuard.Engine.Tests;

/// <summary>The whole pipeline on real photos: what is masked, what is left alone, what the output carries.</summary>
public class AnonymizeTests
{
    private static readonly FaceAnonymizer Engine = new();
    private static readonly LabelledSet Photos = LabelledSet.Load(TestData.Photos);
    private static readonly AnonymizeOptions Lossless = AnonymizeOptions.Default with { Format = OutputFormat.Png };

    [Fact]
    public void Blur_changes_every_face_and_leaves_pixels_outside_the_masks_identical()
    {
        byte[] input = TestData.PhotoBytes("sample1.jpg");
        var result = Engine.Anonymize(input, Lossless);

        using var before = Cv2.ImDecode(input, ImreadModes.Color);
        using var after = Cv2.ImDecode(result.Image, ImreadModes.Color);
        Assert.Equal(before.Size(), after.Size());
        var truth = Photos.Images.Single(i => i.File == "sample1.jpg").Faces;
        Assert.Equal(truth.Count, FaceMatcher.Match(truth, result.Faces).Covered.Count);

        using var masked = MaskOf(before.Size(), result.Faces, MaskOptions.Default);
        using var difference = new Mat();
        Cv2.Absdiff(before, after, difference);
        using var outside = new Mat();
        difference.CopyTo(outside, ~masked);
        Assert.Equal(0, Cv2.CountNonZero(outside.Reshape(1)));

        foreach (var face in truth)
        {
            var box = ToRect(face.Box);
            // Detail (variance of the Laplacian) in the face drops to a small fraction: eyes and mouth are gone.
            double sharpBefore = Sharpness(new Mat(before, box));
            double sharpAfter = Sharpness(new Mat(after, box));
            Assert.True(sharpAfter < 0.1 * sharpBefore, $"face {box}: sharpness {sharpBefore:0} → {sharpAfter:0}");
            Assert.True(Cv2.Mean(new Mat(difference, box)).Val0 > 5, $"face {box} hardly changed");
        }
    }

    [Fact]
    public void Jpeg_output_changes_faces_while_far_pixels_stay_within_jpeg_noise()
    {
        byte[] input = TestData.PhotoBytes("sample4.jpg");
        var result = Engine.Anonymize(input);

        using var before = Cv2.ImDecode(input, ImreadModes.Color);
        using var after = Cv2.ImDecode(result.Image, ImreadModes.Color);
        using var grown = MaskOf(before.Size(), result.Faces, new MaskOptions { MaskScale = MaskOptions.DefaultMaskScale * 1.3f });
        using var difference = new Mat();
        Cv2.Absdiff(before, after, difference);
        Assert.True(Cv2.Mean(difference, ~grown).Val0 < 3, "pixels away from faces changed more than JPEG re-encoding does");
        foreach (var face in result.Faces)
            Assert.True(Cv2.Mean(new Mat(difference, ToRect(face.Box))).Val0 > 5);
    }

    [Fact]
    public void Solid_fills_the_grown_box_with_black()
    {
        var options = Lossless with { Mask = new MaskOptions { Style = MaskStyle.Solid } };
        var result = Engine.Anonymize(TestData.PhotoBytes("astronaut.png"), options);

        using var after = Cv2.ImDecode(result.Image, ImreadModes.Color);
        var face = Assert.Single(result.Faces);
        var box = ToRect(face.Box) & new Rect(0, 0, after.Width, after.Height);
        Assert.Equal(0, Cv2.CountNonZero(new Mat(after, box).Reshape(1)));
    }

    [Fact]
    public void Mosaic_turns_the_face_into_a_few_flat_blocks()
    {
        var options = Lossless with { Mask = new MaskOptions { Style = MaskStyle.Mosaic } };
        var result = Engine.Anonymize(TestData.PhotoBytes("astronaut.png"), options);

        using var after = Cv2.ImDecode(result.Image, ImreadModes.Color);
        var box = ToRect(MaskOptions.Default.MaskArea(Assert.Single(result.Faces).Box)) & new Rect(0, 0, after.Width, after.Height);
        using var face = new Mat(after, box).Clone();
        using var gray = face.CvtColor(ColorConversionCodes.BGR2GRAY);
        // Neighbouring pixels are equal except on block edges: about MosaicBlocks edges a row.
        using var dx = new Mat();
        Cv2.Absdiff(gray[new Rect(1, 0, gray.Width - 1, gray.Height)], gray[new Rect(0, 0, gray.Width - 1, gray.Height)], dx);
        double changingShare = Cv2.CountNonZero(dx) / (double)(dx.Width * dx.Height);
        Assert.True(changingShare < 2.0 * Masking.FaceMasker.MosaicBlocks / box.Width, $"{changingShare:P1} of horizontal neighbours differ");
    }

    [Fact]
    public void Ellipse_leaves_the_corners_of_the_box_untouched()
    {
        var options = Lossless with { Mask = new MaskOptions { Ellipse = true } };
        byte[] input = TestData.PhotoBytes("astronaut.png");
        var result = Engine.Anonymize(input, options);

        using var before = Cv2.ImDecode(input, ImreadModes.Color);
        using var after = Cv2.ImDecode(result.Image, ImreadModes.Color);
        var box = ToRect(MaskOptions.Default.MaskArea(Assert.Single(result.Faces).Box));
        var corner = new Rect(box.X + 1, box.Y + 1, box.Width / 8, box.Height / 8);
        var center = new Rect(box.X + box.Width * 3 / 8, box.Y + box.Height * 3 / 8, box.Width / 4, box.Height / 4);
        Assert.Equal(Cv2.Mean(new Mat(before, corner)), Cv2.Mean(new Mat(after, corner)));
        Assert.NotEqual(Cv2.Mean(new Mat(before, center)), Cv2.Mean(new Mat(after, center)));
    }

    [Fact]
    public void Box_option_draws_green_around_each_face()
    {
        var options = Lossless with { Mask = new MaskOptions { DrawBoxes = true } };
        var result = Engine.Anonymize(TestData.PhotoBytes("sample1.jpg"), options);

        using var after = Cv2.ImDecode(result.Image, ImreadModes.Color);
        foreach (var face in result.Faces)
        {
            var area = ToRect(MaskOptions.Default.MaskArea(face.Box));
            var topEdge = after.At<Vec3b>(area.Y, area.X + area.Width / 2);
            Assert.Equal(new Vec3b(0, 255, 0), topEdge);
        }
    }

    [Fact]
    public void Output_carries_no_exif_or_gps_and_is_written_upright()
    {
        // Store the photo rotated a quarter turn the way phones do, with EXIF Orientation 6 ("rotate 90° clockwise
        // to view") and a GPS block: the engine must turn it upright to find the faces and must drop the metadata.
        using var upright = Cv2.ImRead(TestData.Photo("sample1.jpg"));
        using var stored = new Mat();
        Cv2.Rotate(upright, stored, RotateFlags.Rotate90Counterclockwise);
        byte[] phoneJpeg = Exif.WithOrientationAndGps(TestData.Encode(stored, ".jpg", (int)ImwriteFlags.JpegQuality, 95), orientation: 6);
        Assert.True(Exif.HasExif(phoneJpeg));

        var result = Engine.Anonymize(phoneJpeg);

        Assert.False(Exif.HasExif(result.Image));
        Assert.Equal(-1, result.Image.AsSpan().IndexOf("GPS"u8));
        Assert.Equal(new ImageSize(1920, 1280), result.Size);
        using var decoded = Cv2.ImDecode(result.Image, ImreadModes.Unchanged);
        Assert.Equal(new Size(1920, 1280), decoded.Size());
        var truth = Photos.Images.Single(i => i.File == "sample1.jpg").Faces;
        Assert.Equal(truth.Count, FaceMatcher.Match(truth, result.Faces).Found.Count);
    }

    [Fact]
    public void Large_photos_are_searched_downscaled_and_masked_at_full_size()
    {
        using var original = Cv2.ImRead(TestData.Photo("sample1.jpg"));
        using var large = original.Resize(new Size(3840, 2560), 0, 0, InterpolationFlags.Cubic);
        var result = Engine.Anonymize(TestData.Encode(large), Lossless);

        Assert.Equal(new ImageSize(3840, 2560), result.Size);
        var truth = Photos.Images.Single(i => i.File == "sample1.jpg").Faces
            .Select(f => f with { X = f.X * 2, Y = f.Y * 2, Width = f.Width * 2, Height = f.Height * 2 }).ToList();
        var match = FaceMatcher.Match(truth, result.Faces);
        Assert.Equal(truth.Count, match.Found.Count);
        Assert.Equal(truth.Count, match.Covered.Count);
    }

    [Theory]
    [InlineData(".webp")]
    [InlineData(".png")]
    public void Webp_and_png_inputs_work_like_jpeg(string extension)
    {
        using var photo = Cv2.ImRead(TestData.Photo("sample2.jpg"));
        var fromJpeg = Engine.Detect(TestData.PhotoBytes("sample2.jpg"));
        var fromOther = Engine.Detect(TestData.Encode(photo, extension));
        Assert.Equal(3, fromJpeg.Faces.Count); // the three women of sample2
        Assert.Equal(fromJpeg.Faces.Count, fromOther.Faces.Count);
        Assert.All(fromJpeg.Faces, f => Assert.Contains(fromOther.Faces, o => o.Box.IntersectionOverUnion(f.Box) > 0.8f));
    }

    [Fact]
    public void Timings_cover_every_stage_and_the_stages_cover_the_call()
    {
        byte[] photo = TestData.PhotoBytes("sample3.jpg");
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        var t = Engine.Anonymize(photo).Timings;
        double callMs = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        Assert.All(Stages.All, stage => Assert.True(t[stage] > 0, $"{stage} took no time"));
        // Contiguous stages: together no longer than the call, and most of it (a stage left out would show as a gap).
        Assert.InRange(t.TotalMs, 0.5 * callMs, callMs);
    }

    [Fact]
    public void Parallel_calls_give_the_same_bytes_as_sequential_ones()
    {
        string[] files = ["sample1.jpg", "sample5.jpg", "astronaut.png", "messi5.jpg"];
        var inputs = files.Select(TestData.PhotoBytes).ToArray();
        var sequential = inputs.Select(i => Engine.Anonymize(i).Image).ToArray();

        var parallel = new byte[inputs.Length * 4][];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Engine.Anonymize(inputs[i % inputs.Length]).Image);

        for (int i = 0; i < parallel.Length; i++) Assert.Equal(sequential[i % inputs.Length], parallel[i]);
    }

    private static Mat MaskOf(Size size, IEnumerable<Face> faces, MaskOptions options)
    {
        var mask = new Mat(size, MatType.CV_8UC1, Scalar.All(0));
        foreach (var face in faces) Cv2.Rectangle(mask, ToRect(options.MaskArea(face.Box)), Scalar.All(255), -1);
        return mask;
    }

    private static Rect ToRect(BoundingBox box)
    {
        int left = (int)Math.Floor(box.X), top = (int)Math.Floor(box.Y);
        return new Rect(left, top, (int)Math.Ceiling(box.Right) - left, (int)Math.Ceiling(box.Bottom) - top);
    }

    private static double Sharpness(Mat region)
    {
        using var gray = region.CvtColor(ColorConversionCodes.BGR2GRAY);
        using var laplacian = gray.Laplacian(MatType.CV_64F);
        Cv2.MeanStdDev(laplacian, out _, out var std);
        return std.Val0 * std.Val0;
    }
}
