using FaceGuard.Engine;
namespace FaceGuard.Analysis.Evaluation;

/// <summary>Recall of one face-size bucket; difficult faces are left out of it.</summary>
public sealed record BucketRecall(FaceSizeBucket Bucket, int Faces, int Found, int Covered)
{
    public string Label => FaceSizeBuckets.Label(Bucket);

    /// <summary>Share of faces matched at IoU 0.5; 1 when the bucket is empty.</summary>
    public double Recall => Faces == 0 ? 1 : (double)Found / Faces;

    /// <summary>Share of faces hidden by a mask, however loose the box: the privacy measure.</summary>
    public double CoveredRecall => Faces == 0 ? 1 : (double)Covered / Faces;
}

/// <summary>What the detector did on one labelled photo.</summary>
public sealed record ImageEvaluation(string SetName, LabelledImage Image, string Path, IReadOnlyList<Face> Detections, FaceMatch Match, double DetectMs);

/// <summary>Precision and recall of the detector over labelled sets, overall and by face size.</summary>
public sealed record EvaluationReport(IReadOnlyList<ImageEvaluation> Images, DetectionOptions Options)
{
    private IEnumerable<TruthFace> Counted(Func<FaceMatch, IReadOnlyList<TruthFace>> pick) =>
        Images.SelectMany(i => pick(i.Match)).Where(f => !f.Difficult);

    public IReadOnlyList<BucketRecall> Buckets =>
        Enum.GetValues<FaceSizeBucket>().Select(bucket => new BucketRecall(
            bucket,
            Counted(m => [.. m.Found, .. m.Missed]).Count(f => FaceSizeBuckets.Of(f.Size) == bucket),
            Counted(m => m.Found).Count(f => FaceSizeBuckets.Of(f.Size) == bucket),
            Counted(m => m.Covered).Count(f => FaceSizeBuckets.Of(f.Size) == bucket))).ToList();

    public int Faces => Counted(m => [.. m.Found, .. m.Missed]).Count();
    public int Found => Counted(m => m.Found).Count();
    public int Covered => Counted(m => m.Covered).Count();
    public int Detections => Images.Sum(i => i.Detections.Count);
    public int Unmatched => Images.Sum(i => i.Match.Unmatched.Count);
    public int FalseAlarms => Images.Sum(i => i.Match.FalseAlarms.Count);

    public double Recall => Faces == 0 ? 1 : (double)Found / Faces;
    public double CoveredRecall => Faces == 0 ? 1 : (double)Covered / Faces;

    /// <summary>Detections matching a true face at IoU 0.5, over all detections; 1 when nothing was detected.</summary>
    public double Precision => Detections == 0 ? 1 : (double)(Detections - Unmatched) / Detections;

    public double MeanDetectMs => Images.Count == 0 ? 0 : Images.Average(i => i.DetectMs);

    public IEnumerable<(ImageEvaluation Image, TruthFace Face)> MissedFaces =>
        Images.SelectMany(i => i.Match.Missed.Where(f => !f.Difficult).Select(f => (i, f)));

    /// <summary>Faces no mask hides well enough, whether or not a box matched them: what would leak.</summary>
    public IEnumerable<(ImageEvaluation Image, TruthFace Face)> UncoveredFaces =>
        Images.SelectMany(i => i.Image.Faces.Where(f => !f.Difficult && !i.Match.Covered.Contains(f)).Select(f => (i, f)));
}

public static class DetectionEvaluation
{
    /// <summary>Runs the detector over every photo of the sets and matches its boxes with the truth.</summary>
    public static EvaluationReport Run(FaceAnonymizer engine, IEnumerable<LabelledSet> sets, DetectionOptions options,
        MaskOptions? mask = null, IProgress<ImageEvaluation>? progress = null)
    {
        var images = new List<ImageEvaluation>();
        foreach (var set in sets)
        foreach (var image in set.Images)
        {
            string path = set.PathOf(image);
            var result = engine.Detect(File.ReadAllBytes(path), options);
            var match = FaceMatcher.Match(image.Faces, result.Faces, FaceMatcher.DefaultIouThreshold, mask);
            var evaluation = new ImageEvaluation(set.Name, image, path, result.Faces, match, result.Timings.DetectMs);
            images.Add(evaluation);
            progress?.Report(evaluation);
        }
        return new EvaluationReport(images, options);
    }
}
