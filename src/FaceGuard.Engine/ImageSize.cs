namespace FaceGuard.Engine;

public readonly record struct ImageSize(int Width, int Height)
{
    public long Pixels => (long)Width * Height;
    public int LongestSide => Math.Max(Width, Height);
    public override string ToString() => $"{Width}x{Height}";
}
