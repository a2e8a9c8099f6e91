namespace FaceGuard.Engine.Detection.BlazeFace;

/// <summary>An SSD anchor centre in normalised input coordinates ([0, 1] on both axes).</summary>
internal readonly record struct Anchor(float CenterX, float CenterY);
