namespace FaceGuard.Engine;

/// <summary>A point in pixels of the upright image.</summary>
public readonly record struct Keypoint(float X, float Y);

/// <summary>
/// One detected face: its box, the detector's confidence in [0, 1], and BlazeFace's six keypoints
/// (right eye, left eye, nose tip, mouth centre, right ear tragion, left ear tragion — from the subject's view).
/// </summary>
public sealed record Face(BoundingBox Box, float Score, IReadOnlyList<Keypoint> Keypoints);
