namespace FaceGuard.Engine.Detection;

/// <summary>
/// A raw detection before non-max suppression, in pixels of the image being searched.
/// <see cref="Geometry"/> holds the box as x, y, width, height followed by the keypoints as x, y pairs (six for
/// BlazeFace, five for YuNet), so weighted suppression can blend all of them the same way MediaPipe does.
/// </summary>
internal sealed record Candidate(float Score, float[] Geometry)
{
    public const int BoxLength = 4;

    public BoundingBox Box => new(Geometry[0], Geometry[1], Geometry[2], Geometry[3]);

    public int KeypointCount => (Geometry.Length - BoxLength) / 2;

    /// <summary>The same detection with every coordinate multiplied by <paramref name="scale"/>.</summary>
    public Candidate Scale(float scale)
    {
        var geometry = new float[Geometry.Length];
        for (int i = 0; i < geometry.Length; i++) geometry[i] = Geometry[i] * scale;
        return this with { Geometry = geometry };
    }

    public Face ToFace(float scale)
    {
        var keypoints = new Keypoint[KeypointCount];
        for (int k = 0; k < keypoints.Length; k++)
            keypoints[k] = new Keypoint(Geometry[BoxLength + 2 * k] * scale, Geometry[BoxLength + 1 + 2 * k] * scale);
        return new Face(Box.Scale(scale), Score, keypoints);
    }
}
