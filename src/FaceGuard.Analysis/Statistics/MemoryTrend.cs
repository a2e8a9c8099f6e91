using MathNet.Numerics;
using MathNet.Numerics.LinearRegression;

namespace FaceGuard.Analysis.Statistics;

/// <summary>Least-squares line of memory over requests served, the basis of leak detection.</summary>
public sealed record MemoryTrend(double SlopeMbPer1000Requests, double InterceptMb, double RSquared, int Points)
{
    public const double GrowingSlopeMbPer1000Requests = 1.0;

    /// <summary>A steep line through noise explains little of it; below this it is not called a leak.</summary>
    public const double MinRSquared = 0.5;

    /// <summary>Shorter runs are not judged: the allocators of a fresh process still fill up over the first dozens of
    /// requests, which a line through them reads as hundreds of MB per 1,000 requests.</summary>
    public const int MinPoints = 100;

    public TrendVerdict Verdict =>
        Points < MinPoints ? TrendVerdict.Inconclusive
        : SlopeMbPer1000Requests > GrowingSlopeMbPer1000Requests && RSquared >= MinRSquared ? TrendVerdict.Growing
        : TrendVerdict.Stable;

    /// <summary>Fewer than two points, or a single request index, give NaN (and, being few, read as Inconclusive).</summary>
    public static MemoryTrend Fit(IReadOnlyList<double> requestIndex, IReadOnlyList<double> memoryMb)
    {
        ArgumentNullException.ThrowIfNull(requestIndex);
        ArgumentNullException.ThrowIfNull(memoryMb);
        if (requestIndex.Count != memoryMb.Count)
        {
            throw new ArgumentException(
                $"{requestIndex.Count} request indices but {memoryMb.Count} memory readings.", nameof(memoryMb));
        }

        var x = requestIndex.ToArray();
        var y = memoryMb.ToArray();
        if (x.Length < 2 || x.All(v => v == x[0]))
        {
            return new MemoryTrend(double.NaN, double.NaN, double.NaN, x.Length);
        }

        var (intercept, slope) = SimpleRegression.Fit(x, y);
        var fitted = x.Select(v => intercept + slope * v);
        return new MemoryTrend(slope * 1000, intercept, GoodnessOfFit.CoefficientOfDetermination(fitted, y), x.Length);
    }

    public override string ToString() => FormattableString.Invariant(
        $"MemoryTrend {{ SlopeMbPer1000Requests = {SlopeMbPer1000Requests}, InterceptMb = {InterceptMb}, RSquared = {RSquared}, Points = {Points}, Verdict = {Verdict} }}");
}
