namespace SyntheticFaces;

/// <summary>One generated image and how it was made, as <c>provenance.json</c> records it.</summary>
/// <param name="Faces">In the order they were placed: largest first.</param>
internal sealed record SyntheticImage(string File, int Width, int Height, BackgroundCrop Background, List<PlacedFace> Faces)
{
    /// <summary>Its <c>faces.json</c> entry, faces listed top-to-bottom, left-to-right.</summary>
    public TruthImage ToTruth()
    {
        List<TruthBox> boxes = [.. Faces.Select(f => f.Box)];
        boxes.Sort((a, b) => a.Y != b.Y ? a.Y.CompareTo(b.Y) : a.X.CompareTo(b.X));
        return new TruthImage(File, Width, Height, boxes);
    }
}
