namespace FaceGuard.Analysis.Statistics;

public enum TrendVerdict
{
    Stable,
    Growing,

    /// <summary>Too few requests to tell a leak from warm-up (see <see cref="MemoryTrend.MinPoints"/>).</summary>
    Inconclusive,
}
