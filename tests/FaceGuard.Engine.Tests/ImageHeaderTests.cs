using FaceGuard.Engine.Imaging;
using OpenCvSharp;

namespace FaceGuard.Engine.Tests;

public class ImageHeaderTests
{
    private static readonly Lazy<Mat> Photo = new(() => Cv2.ImRead(TestData.Photo("sample1.jpg")));

    public static TheoryData<string> Formats => new() { ".jpg", ".png", ".webp" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Reads_format_and_size_of_real_encoded_photos(string extension)
    {
        using var small = Photo.Value.Resize(new Size(321, 213));
        var header = ImageHeader.Read(TestData.Encode(small, extension));

        Assert.Equal(new ImageSize(321, 213), header.Size);
        Assert.Equal(extension switch { ".jpg" => ImageFormat.Jpeg, ".png" => ImageFormat.Png, _ => ImageFormat.WebP }, header.Format);
    }

    [Fact]
    public void Reads_lossless_webp_size()
    {
        using var small = Photo.Value.Resize(new Size(100, 77));
        var header = ImageHeader.Read(TestData.Encode(small, ".webp", (int)ImwriteFlags.WebPQuality, 101));
        Assert.Equal(new ImageSize(100, 77), header.Size);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Refuses_every_truncation_of_a_real_photo(string extension)
    {
        using var small = Photo.Value.Resize(new Size(320, 200));
        byte[] whole = TestData.Encode(small, extension);
        ImageHeader.Read(whole); // the whole file is fine

        foreach (int length in new[] { 1, 2, 3, 12, 20, 40, whole.Length / 10, whole.Length / 2, whole.Length * 9 / 10, whole.Length - 2, whole.Length - 1 })
        {
            var error = Record.Exception(() => ImageHeader.Read(whole.AsSpan(0, length)));
            Assert.True(error is CorruptImageException or UnsupportedImageFormatException,
                $"{extension} cut to {length} of {whole.Length} bytes gave {error?.GetType().Name ?? "no error"}");
        }
    }

    [Fact]
    public void Jpeg_cut_in_its_image_data_says_the_file_ends_early()
    {
        byte[] jpeg = File.ReadAllBytes(TestData.Photo("sample1.jpg"));
        var error = Assert.Throws<CorruptImageException>(() => ImageHeader.Read(jpeg.AsSpan(0, jpeg.Length / 2)));
        Assert.Contains("ends early", error.Message);
        Assert.Equal(ImageFormat.Jpeg, error.Format);
    }

    [Fact]
    public void Jpeg_with_bytes_after_the_end_marker_is_accepted()
    {
        // Phones append data after the image (motion photos, maker trailers): the image itself is whole.
        byte[] jpeg = File.ReadAllBytes(TestData.Photo("sample1.jpg"));
        byte[] withTrailer = [.. jpeg, .. "trailing maker data"u8.ToArray()];
        Assert.Equal(new ImageSize(1920, 1280), ImageHeader.Read(withTrailer).Size);
    }

    [Fact]
    public void Empty_input_is_its_own_error() => Assert.Throws<EmptyImageException>(() => ImageHeader.Read([]));

    [Theory]
    [InlineData("GIF89a\x01\x00\x01\x00", "GIF")]
    [InlineData("BM\x36\x00\x00\x00\x00\x00", "BMP")]
    [InlineData("%PDF-1.7\n", "PDF")]
    [InlineData("hello, this is not a photo\n", "text")]
    [InlineData("\x00\x00\x00\x18\x66\x74\x79\x70\x68\x65\x69\x63", "HEIC")]
    public void Names_what_unsupported_bytes_look_like(string content, string expected)
    {
        byte[] bytes = content.Select(c => (byte)c).ToArray();
        var error = Assert.Throws<UnsupportedImageFormatException>(() => ImageHeader.Read(bytes));
        Assert.Contains(expected, error.Detected);
        Assert.Contains("JPEG, PNG or WebP", error.Message);
    }

    [Fact]
    public void Png_header_declaring_huge_dimensions_is_read_without_decoding()
    {
        // A decompression bomb's header: 100000 x 100000 pixels, hardly any data.
        byte[] png = TestData.Encode(new Mat(8, 8, MatType.CV_8UC3, Scalar.All(0)), ".png");
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 100_000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 100_000);
        Assert.Equal(new ImageSize(100_000, 100_000), ImageHeader.Read(png).Size);
    }
}
