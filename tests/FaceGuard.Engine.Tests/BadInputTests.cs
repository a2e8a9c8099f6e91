using OpenCvSharp;

namespace FaceGuard.Engine.Tests;

/// <summary>Every kind of unusable input ends in a typed error with a message a person understands.</summary>
public class BadInputTests
{
    private static readonly FaceAnonymizer Engine = new();

    [Fact]
    public void Empty_upload() =>
        Assert.Contains("empty", Assert.Throws<EmptyImageException>(() => Engine.Anonymize([])).Message);

    [Fact]
    public void Text_file_named_like_a_photo() =>
        Assert.Contains("text", Assert.Throws<UnsupportedImageFormatException>(() => Engine.Anonymize("not a photo"u8.ToArray())).Message);

    [Fact]
    public void Truncated_jpeg()
    {
        byte[] jpeg = TestData.PhotoBytes("sample2.jpg");
        var error = Assert.Throws<CorruptImageException>(() => Engine.Anonymize(jpeg.AsSpan(0, jpeg.Length * 2 / 3)));
        Assert.Contains("ends early", error.Message);
    }

    [Fact]
    public void Jpeg_structure_with_garbage_inside_does_not_crash()
    {
        // Valid markers, random entropy-coded data: the decoder may give noise, or refuse; it must not fault.
        byte[] jpeg = TestData.PhotoBytes("messi5.jpg");
        var random = new Random(7);
        for (int i = jpeg.Length / 3; i < jpeg.Length - 2; i++)
            if (jpeg[i] != 0xFF && jpeg[i - 1] != 0xFF) jpeg[i] = (byte)(random.Next(0, 255));
        var error = Record.Exception(() => Engine.Anonymize(jpeg));
        Assert.True(error is null or FaceGuardException, error?.ToString());
    }

    [Fact]
    public void Too_many_megapixels_is_refused_before_decoding()
    {
        var strict = new FaceAnonymizer(new EngineOptions { MaxPixels = 1_000_000 });
        var error = Assert.Throws<ImageTooLargeException>(() => strict.Anonymize(TestData.PhotoBytes("sample1.jpg")));
        Assert.Equal(new ImageSize(1920, 1280), error.Size);
        Assert.Contains("2.5 megapixels", error.Message);
        Assert.Contains("limit is 1 megapixels", error.Message);
    }

    [Fact]
    public void Decompression_bomb_header_is_refused_at_the_default_limit()
    {
        byte[] png = TestData.Encode(new Mat(8, 8, MatType.CV_8UC3, Scalar.All(0)), ".png");
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 60_000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 60_000);
        Assert.Throws<ImageTooLargeException>(() => Engine.Anonymize(png));
    }

    [Fact]
    public void Options_out_of_range_are_refused_when_set()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DetectionOptions { ScoreThreshold = 1.5f });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaskOptions { MaskScale = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnonymizeOptions { JpegQuality = 0 });
    }
}
