namespace FaceGuard.Engine;

public enum MaskStyle
{
    /// <summary>Gaussian blur whose strength follows the face size.</summary>
    Blur,

    /// <summary>Large square blocks (pixelation).</summary>
    Mosaic,

    /// <summary>A solid black fill.</summary>
    Solid,
}
