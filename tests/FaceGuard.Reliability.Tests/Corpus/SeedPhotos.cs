using OpenCvSharp;

namespace FaceGuard.Reliability.Tests.Corpus;

/// <summary>A real photo in one of the formats the service takes, as bytes to damage.</summary>
public sealed record SeedPhoto(string Name, string Format, byte[] Bytes)
{
    public override string ToString() => Name;
}

/// <summary>
/// The photos the bad-input corpus and the fuzzer start from: every container and coding the service accepts —
/// baseline and progressive JPEG, PNG, lossy and lossless WebP — made from the repository's sample photos.
/// OpenCV's encoders are deterministic, so the same build gives the same bytes every run.
/// </summary>
public static class SeedPhotos
{
    public static IReadOnlyList<SeedPhoto> All { get; } = Load();

    private static List<SeedPhoto> Load()
    {
        byte[] messi = Infrastructure.Repo.PhotoBytes("messi5.jpg"); // 548x342, two faces
        using var pixels = Cv2.ImDecode(messi, ImreadModes.Color);
        return
        [
            new("messi5.jpg", "jpeg", messi),
            new("detect_test1.jpg", "jpeg", Infrastructure.Repo.PhotoBytes("detect_test1.jpg")),
            new("messi5-progressive.jpg", "jpeg", Encode(pixels, ".jpg", (int)ImwriteFlags.JpegProgressive, 1, (int)ImwriteFlags.JpegQuality, 85)),
            new("camera.png", "png", Infrastructure.Repo.PhotoBytes("camera.png")),
            new("messi5.png", "png", Encode(pixels, ".png")),
            new("messi5-lossy.webp", "webp", Encode(pixels, ".webp", (int)ImwriteFlags.WebPQuality, 80)),
            new("messi5-lossless.webp", "webp", Encode(pixels, ".webp", (int)ImwriteFlags.WebPQuality, 101)),
        ];
    }

    public static byte[] Encode(Mat image, string extension, params int[] parameters)
    {
        Cv2.ImEncode(extension, image, out var bytes, parameters);
        return bytes;
    }
}
