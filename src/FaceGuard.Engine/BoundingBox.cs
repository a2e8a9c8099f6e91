namespace FaceGuard.Engine;

/// <summary>An axis-aligned box in pixels of the upright (EXIF-oriented) image; X, Y is the top-left corner.</summary>
public readonly record struct BoundingBox(float X, float Y, float Width, float Height)
{
    public float Right => X + Width;
    public float Bottom => Y + Height;
    public float CenterX => X + Width / 2;
    public float CenterY => Y + Height / 2;
    public float Area => Math.Max(0, Width) * Math.Max(0, Height);

    public static BoundingBox FromCenter(float centerX, float centerY, float width, float height) =>
        new(centerX - width / 2, centerY - height / 2, width, height);

    /// <summary>Intersection over union, 0 when the boxes do not touch.</summary>
    public float IntersectionOverUnion(BoundingBox other)
    {
        float left = Math.Max(X, other.X), top = Math.Max(Y, other.Y);
        float right = Math.Min(Right, other.Right), bottom = Math.Min(Bottom, other.Bottom);
        float intersection = Math.Max(0, right - left) * Math.Max(0, bottom - top);
        float union = Area + other.Area - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /// <summary>The same centre, each side multiplied by <paramref name="factor"/>.</summary>
    public BoundingBox ScaleAroundCenter(float factor) =>
        FromCenter(CenterX, CenterY, Width * factor, Height * factor);

    public BoundingBox Scale(float factor) => new(X * factor, Y * factor, Width * factor, Height * factor);
}
