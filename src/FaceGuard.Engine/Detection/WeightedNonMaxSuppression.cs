namespace FaceGuard.Engine.Detection;

/// <summary>
/// MediaPipe's WEIGHTED non-max suppression: take the best remaining detection, gather every remaining one that
/// overlaps it by more than the IoU threshold, and replace the group by the score-weighted mean of its geometry.
/// The group keeps the best score. Averaging steadies boxes that plain suppression would make jitter.
/// </summary>
internal static class WeightedNonMaxSuppression
{
    public const float DefaultIouThreshold = 0.3f;

    public static List<Candidate> Apply(IEnumerable<Candidate> candidates, float iouThreshold = DefaultIouThreshold)
    {
        var remaining = candidates.OrderByDescending(c => c.Score).ToList();
        var kept = new List<Candidate>();
        var group = new List<Candidate>();
        while (remaining.Count > 0)
        {
            var best = remaining[0];
            var bestBox = best.Box;
            group.Clear();
            remaining.RemoveAll(c =>
            {
                bool overlaps = c == best || bestBox.IntersectionOverUnion(c.Box) > iouThreshold;
                if (overlaps) group.Add(c);
                return overlaps;
            });
            kept.Add(group.Count == 1 ? best : Blend(group, best.Score));
        }
        return kept;
    }

    private static Candidate Blend(List<Candidate> group, float score)
    {
        var geometry = new float[group[0].Geometry.Length];
        float totalScore = 0;
        foreach (var c in group)
        {
            totalScore += c.Score;
            for (int i = 0; i < geometry.Length; i++) geometry[i] += c.Geometry[i] * c.Score;
        }
        for (int i = 0; i < geometry.Length; i++) geometry[i] /= totalScore;
        return new Candidate(score, geometry);
    }
}
