namespace FaceGuard.Engine.Detection;

/// <summary>
/// A raw detection before non-max suppression, in pixels of the image being searched.
/// <see cref="Geometry"/> holds the box as x, y, width, height followed by the six keypoints as x, y pairs,
/// so weighted suppression can blend all sixteen numbers the same way MediaPipe does.
/// </summary>
internal sealed record Candidate(float Score, float[] Geometry)
{
    public const int GeometryLength = 16;
    public const int KeypointCount = 6;

    public BoundingBox Box => new(Geometry[0], Geometry[1], Geometry[2], Geometry[3]);

    public Face ToFace(float scale)
    {
        var keypoints = new Keypoint[KeypointCount];
        for (int k = 0; k < KeypointCount; k++)
            keypoints[k] = new Keypoint(Geometry[4 + 2 * k] * scale, Geometry[5 + 2 * k] * scale);
        return new Face(Box.Scale(scale), Score, keypoints);
    }
}
