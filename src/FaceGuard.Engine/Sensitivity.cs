namespace FaceGuard.Engine;

/// <summary>
/// How small a face the detector looks for. Each step down in face size multiplies the work: the network only finds
/// faces of about 18 px and more of its input, so finding a face of s pixels means searching the photo scaled by 18/s.
/// </summary>
public enum Sensitivity
{
    /// <summary>Faces from about 48 px: portraits and small groups, 5x faster than <see cref="High"/>.</summary>
    Normal,

    /// <summary>Faces from about 18 px: the back rows of group photos and passers-by. The default: a missed face leaks a person.</summary>
    High,
}
