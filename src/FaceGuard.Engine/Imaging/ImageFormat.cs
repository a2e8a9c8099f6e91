namespace FaceGuard.Engine;

public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
}
