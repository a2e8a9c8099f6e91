namespace FaceGuard.Engine;

/// <summary>How small a face the detector looks for, and what that costs.</summary>
public enum Sensitivity
{
    /// <summary>
    /// The default. YuNet: one pass at the photo's own size plus a downscaled one for close-ups; faces from about
    /// 16 px (every face of 32 px and more on the labelled sets, over half of those under 32 px).
    /// BlazeFace: faces from about 48 px.
    /// </summary>
    Normal,

    /// <summary>
    /// Also searches the photo enlarged twice for faces of 6–20 px, about four times the work. YuNet finds nine in ten
    /// faces under 32 px this way; BlazeFace searches a pyramid of tiles for faces from about 18 px.
    /// </summary>
    High,
}
