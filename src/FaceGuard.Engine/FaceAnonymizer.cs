using System.Diagnostics;
using FaceGuard.Engine.Detection;
using FaceGuard.Engine.Imaging;
using FaceGuard.Engine.Masking;
using OpenCvSharp;

namespace FaceGuard.Engine;

/// <summary>
/// The engine's front door: photo bytes in, faces found and masked, photo bytes out. Thread-safe; the models are
/// loaded once per process and shared, so creating several instances costs nothing.
/// </summary>
public sealed class FaceAnonymizer(EngineOptions? options = null)
{
    private readonly EngineOptions _options = options ?? EngineOptions.Default;
    private readonly FaceSearch _detector = new(ModelRegistry.Shared);

    /// <summary>Decodes, finds every face, masks it and encodes the result.</summary>
    /// <exception cref="FaceGuardException">The bytes are not a usable image; the message says why.</exception>
    public AnonymizeResult Anonymize(ReadOnlySpan<byte> image, AnonymizeOptions? options = null)
    {
        options ??= AnonymizeOptions.Default;
        long start = Stopwatch.GetTimestamp();
        using var pixels = DecodeChecked(image);
        long decoded = Stopwatch.GetTimestamp();
        var faces = _detector.Detect(pixels, options.Detection, _options.DetectionThreads);
        long detected = Stopwatch.GetTimestamp();
        FaceMasker.Apply(pixels, faces, options.Mask);
        long masked = Stopwatch.GetTimestamp();
        var output = ImageCodec.Encode(pixels, options.Format, options.JpegQuality);
        long encoded = Stopwatch.GetTimestamp();

        var timings = new StageTimings(Ms(start, decoded), Ms(decoded, detected), Ms(detected, masked), Ms(masked, encoded));
        return new AnonymizeResult(output, options.Format, new ImageSize(pixels.Width, pixels.Height), faces, timings);
    }

    /// <inheritdoc cref="Anonymize(ReadOnlySpan{byte}, AnonymizeOptions?)"/>
    public AnonymizeResult Anonymize(Stream image, AnonymizeOptions? options = null) => Anonymize(ReadAll(image), options);

    /// <summary>Decodes and finds every face without producing an output image.</summary>
    /// <exception cref="FaceGuardException">The bytes are not a usable image; the message says why.</exception>
    public DetectionResult Detect(ReadOnlySpan<byte> image, DetectionOptions? options = null)
    {
        long start = Stopwatch.GetTimestamp();
        using var pixels = DecodeChecked(image);
        long decoded = Stopwatch.GetTimestamp();
        var faces = _detector.Detect(pixels, options ?? DetectionOptions.Default, _options.DetectionThreads);
        long detected = Stopwatch.GetTimestamp();
        return new DetectionResult(new ImageSize(pixels.Width, pixels.Height), faces, new StageTimings(Ms(start, decoded), Ms(decoded, detected), 0, 0));
    }

    /// <summary>
    /// Loads the detector and runs every stage once, so the first real photo is not the slow one. Only the model the
    /// options name is loaded: the others cost memory (~10 MB each) and load on first use.
    /// </summary>
    public void WarmUp(DetectionOptions? options = null)
    {
        using var blank = new Mat(480, 640, MatType.CV_8UC3, Scalar.All(127));
        Cv2.ImEncode(".jpg", blank, out var jpeg);
        Anonymize(jpeg, AnonymizeOptions.Default with { Detection = options ?? DetectionOptions.Default });
    }

    private Mat DecodeChecked(ReadOnlySpan<byte> image)
    {
        var header = ImageHeader.Read(image);
        if (header.Size.Pixels > _options.MaxPixels) throw new ImageTooLargeException(header.Size, _options.MaxPixels);
        return ImageCodec.Decode(image, header);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
