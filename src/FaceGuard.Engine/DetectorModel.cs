namespace FaceGuard.Engine;

/// <summary>Which face detector searches the photo.</summary>
public enum DetectorModel
{
    /// <summary>YuNet (libfacedetection): trained on WIDER FACE for faces from about 10 px, run on the whole photo at
    /// its own size. Finds the faces at the back of a group photo in one pass. The default.</summary>
    YuNet,

    /// <summary>MediaPipe's BlazeFace long-range ("full range", 256x256) model, as the seed tutorial uses it, over a
    /// pyramid of tiles with a second look. For parity with MediaPipe and for comparison; several times slower.</summary>
    BlazeFace,

    /// <summary>MediaPipe's BlazeFace short-range ("front camera", 128x128) model: selfies and faces filling the frame.</summary>
    BlazeFaceShortRange,
}
