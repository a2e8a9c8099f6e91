namespace FaceGuard.Engine.Detection.YuNet;

/// <summary>
/// YuNet's anchor-free head, as OpenCV's FaceDetectorYN decodes it: for each cell of a stride's grid (row-major),
/// a class and an objectness probability, a box (centre offset in cells, log size in cells) and five keypoints
/// (eyes, nose tip, mouth corners) as offsets in cells.
/// </summary>
internal static class YuNetDecoder
{
    public const int KeypointCount = 5;
    public const int BoxValues = 4;
    public const int KeypointValues = 2 * KeypointCount;

    /// <summary>
    /// Appends every cell of one stride scoring at least <paramref name="minScore"/>. Coordinates are network input
    /// pixels multiplied by <paramref name="toImage"/> (the inverse of the scale the input was made at) and moved by
    /// the origin of the tile in the image.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> cls, ReadOnlySpan<float> obj, ReadOnlySpan<float> bbox, ReadOnlySpan<float> kps,
        int stride, int columns, float minScore, float toImage, float originX, float originY, List<Candidate> output)
    {
        float minProduct = minScore * minScore; // score = sqrt(cls * obj): compare before the square root
        float cell = stride * toImage;
        for (int i = 0; i < cls.Length; i++)
        {
            float product = Math.Clamp(cls[i], 0f, 1f) * Math.Clamp(obj[i], 0f, 1f);
            if (product < minProduct) continue;

            int row = i / columns, column = i - row * columns;
            var box = bbox.Slice(i * BoxValues, BoxValues);
            float width = MathF.Exp(box[2]) * cell, height = MathF.Exp(box[3]) * cell;
            var geometry = new float[Candidate.BoxLength + KeypointValues];
            geometry[0] = originX + (column + box[0]) * cell - width / 2;
            geometry[1] = originY + (row + box[1]) * cell - height / 2;
            geometry[2] = width;
            geometry[3] = height;
            var points = kps.Slice(i * KeypointValues, KeypointValues);
            for (int k = 0; k < KeypointCount; k++)
            {
                geometry[Candidate.BoxLength + 2 * k] = originX + (column + points[2 * k]) * cell;
                geometry[Candidate.BoxLength + 2 * k + 1] = originY + (row + points[2 * k + 1]) * cell;
            }
            output.Add(new Candidate(MathF.Sqrt(product), geometry));
        }
    }
}
