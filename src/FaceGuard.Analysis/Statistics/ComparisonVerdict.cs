namespace FaceGuard.Analysis.Statistics;

public enum ComparisonVerdict
{
    NoChange,
    Faster,
    Slower,
}
