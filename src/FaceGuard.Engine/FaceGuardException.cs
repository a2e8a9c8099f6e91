namespace FaceGuard.Engine;

/// <summary>
/// Base of every error caused by the input image rather than by the engine. The message is written for a person:
/// the service returns it as the detail of a 400 response.
/// </summary>
public abstract class FaceGuardException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The upload had no bytes at all.</summary>
public sealed class EmptyImageException()
    : FaceGuardException("The image is empty (0 bytes). Send a JPEG, PNG or WebP photo.");

/// <summary>The bytes are not a JPEG, PNG or WebP image.</summary>
public sealed class UnsupportedImageFormatException(string detected)
    : FaceGuardException($"Unsupported image format: {detected}. Send a JPEG, PNG or WebP photo.")
{
    /// <summary>What the bytes look like instead, e.g. "GIF", "text", "unknown".</summary>
    public string Detected { get; } = detected;
}

/// <summary>The bytes start like an image but are cut short or damaged.</summary>
public sealed class CorruptImageException(ImageFormat format, string reason)
    : FaceGuardException($"The {format switch { ImageFormat.Jpeg => "JPEG", ImageFormat.Png => "PNG", _ => "WebP" }} image is damaged or incomplete: {reason}.")
{
    public ImageFormat Format { get; } = format;
}

/// <summary>The image declares more pixels than the configured limit; it is refused before decoding.</summary>
public sealed class ImageTooLargeException(ImageSize size, long maxPixels)
    : FaceGuardException(
        $"The image is {size.Width}x{size.Height} pixels ({size.Pixels / 1e6:0.#} megapixels); " +
        $"the limit is {maxPixels / 1e6:0.#} megapixels.")
{
    public ImageSize Size { get; } = size;
    public long MaxPixels { get; } = maxPixels;
}
