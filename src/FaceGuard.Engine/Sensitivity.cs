namespace FaceGuard.Engine;

public enum Sensitivity
{
    /// <summary>One pass over the whole photo: fast, finds faces larger than about a tenth of the photo.</summary>
    Normal,

    /// <summary>Adds passes over overlapping tiles so that small faces in group photos are found too.</summary>
    High,
}
