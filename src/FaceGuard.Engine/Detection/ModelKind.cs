namespace FaceGuard.Engine;

/// <summary>Which BlazeFace network searches the image.</summary>
public enum ModelKind
{
    /// <summary>The 128x128 front-camera model: faces that fill much of the frame (selfies, portraits).</summary>
    ShortRange,

    /// <summary>The 256x256 back-camera model: faces farther away, as in group photos.</summary>
    LongRange,
}
