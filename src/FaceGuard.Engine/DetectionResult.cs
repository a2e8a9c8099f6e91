namespace FaceGuard.Engine;

/// <summary>The faces found in a photo, without producing an output image (blur and encode times are zero).</summary>
public sealed record DetectionResult(ImageSize Size, IReadOnlyList<Face> Faces, StageTimings Timings);
