using FaceGuard.Engine;
namespace FaceGuard.Analysis.Evaluation;

/// <summary>How the detections of one photo line up with its true faces.</summary>
/// <param name="Found">True faces (difficult ones included) matched by a detection at the IoU threshold.</param>
/// <param name="Covered">True faces whose box lies mostly inside some detection's mask area.</param>
/// <param name="Unmatched">Detections that match no true face at the IoU threshold: what precision counts against.</param>
/// <param name="FalseAlarms">The unmatched detections that do not even overlap a true face: a mask on a wall, not a loose box on a face.</param>
public sealed record FaceMatch(
    IReadOnlyList<TruthFace> Found,
    IReadOnlyList<TruthFace> Missed,
    IReadOnlyList<TruthFace> Covered,
    IReadOnlyList<Face> Unmatched,
    IReadOnlyList<Face> FalseAlarms);

/// <summary>
/// Greedy matching as in PASCAL VOC / WIDER FACE: detections in falling score order each take the unmatched true face
/// they overlap most, if that overlap reaches the IoU threshold. It also answers the privacy question IoU does not:
/// is the face hidden? A loose box still hides a face if the mask (the box grown by the mask scale) covers it.
/// </summary>
public static class FaceMatcher
{
    public const float DefaultIouThreshold = 0.5f;

    /// <summary>Share of a true face's box that must lie under one mask for the face to count as hidden.</summary>
    public const float CoveredFraction = 0.9f;

    public static FaceMatch Match(IReadOnlyList<TruthFace> truth, IReadOnlyList<Face> detections,
        float iouThreshold = DefaultIouThreshold, MaskOptions? mask = null)
    {
        var matched = new bool[truth.Count];
        var unmatched = new List<Face>();
        foreach (var detection in detections.OrderByDescending(d => d.Score))
        {
            int best = -1;
            float bestIou = iouThreshold;
            for (int t = 0; t < truth.Count; t++)
            {
                if (matched[t]) continue;
                float iou = detection.Box.IntersectionOverUnion(truth[t].Box);
                if (iou >= bestIou) (best, bestIou) = (t, iou);
            }
            if (best >= 0) matched[best] = true;
            else unmatched.Add(detection);
        }

        mask ??= MaskOptions.Default;
        var masks = detections.Select(d => mask.MaskArea(d.Box)).ToList();
        var covered = truth.Where(t => masks.Any(m => IntersectionArea(m, t.Box) >= CoveredFraction * t.Box.Area)).ToList();
        return new FaceMatch(
            truth.Where((_, i) => matched[i]).ToList(),
            truth.Where((_, i) => !matched[i]).ToList(),
            covered,
            unmatched,
            unmatched.Where(d => !OverlapsAny(d.Box, truth)).ToList());
    }

    private static bool OverlapsAny(BoundingBox box, IReadOnlyList<TruthFace> truth) =>
        truth.Any(t => IntersectionArea(box, t.Box) >= 0.5f * Math.Min(box.Area, t.Box.Area));

    private static float IntersectionArea(BoundingBox a, BoundingBox b)
    {
        float width = Math.Min(a.Right, b.Right) - Math.Max(a.X, b.X);
        float height = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Y, b.Y);
        return width > 0 && height > 0 ? width * height : 0;
    }
}
