namespace FaceGuard.Engine.Detection.BlazeFace;

/// <summary>
/// MediaPipe's TensorsToDetectionsCalculator for BlazeFace: per anchor a logit and 16 regressed numbers
/// (box centre offset, box size, six keypoint offsets), all in input pixels relative to the anchor centre.
/// </summary>
internal static class BlazeFaceDecoder
{
    /// <summary>Numbers per anchor: box centre and size, then six keypoints.</summary>
    public const int GeometryLength = Candidate.BoxLength + 2 * KeypointCount;
    public const int KeypointCount = 6;

    private const float ScoreClip = 100f;

    /// <summary>Appends every anchor scoring at least <paramref name="minScore"/>, mapped through the letterbox to image pixels.</summary>
    public static void Decode(ReadOnlySpan<float> logits, ReadOnlySpan<float> regressions, ReadOnlySpan<Anchor> anchors,
        float minScore, Letterbox letterbox, List<Candidate> output)
    {
        // Compare logits with the threshold's logit: one log per call instead of one exp per anchor.
        float minLogit = MathF.Log(minScore / (1 - minScore));
        float inputSize = letterbox.InputSize;
        for (int i = 0; i < logits.Length; i++)
        {
            float logit = Math.Clamp(logits[i], -ScoreClip, ScoreClip);
            if (logit < minLogit) continue;

            var anchor = anchors[i];
            var raw = regressions.Slice(i * GeometryLength, GeometryLength);
            float centerX = raw[0] / inputSize + anchor.CenterX;
            float centerY = raw[1] / inputSize + anchor.CenterY;
            float width = raw[2] / inputSize;
            float height = raw[3] / inputSize;

            var geometry = new float[GeometryLength];
            (geometry[0], geometry[1]) = letterbox.ToImage(centerX - width / 2, centerY - height / 2);
            geometry[2] = letterbox.ToImageLength(width);
            geometry[3] = letterbox.ToImageLength(height);
            for (int k = 0; k < KeypointCount; k++)
            {
                int at = 4 + 2 * k;
                (geometry[at], geometry[at + 1]) = letterbox.ToImage(raw[at] / inputSize + anchor.CenterX, raw[at + 1] / inputSize + anchor.CenterY);
            }
            output.Add(new Candidate(1f / (1f + MathF.Exp(-logit)), geometry));
        }
    }
}
