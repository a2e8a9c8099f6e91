namespace FaceGuard.Analysis.Statistics;

public enum TrendVerdict
{
    Stable,
    Growing,
}
