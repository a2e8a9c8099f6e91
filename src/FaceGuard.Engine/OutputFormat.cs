namespace FaceGuard.Engine;

public enum OutputFormat
{
    Jpeg,
    Png,
}
