using MathNet.Numerics;
using MathNet.Numerics.LinearRegression;

namespace FaceGuard.Analysis.Statistics;

/// <summary>
/// Least-squares line of memory over requests served, the basis of leak detection, plus the slope of the later half
/// of the run on its own: a leak keeps growing to the end, while a process still filling its allocators and caches rises
/// early and levels off, which one line through the whole run would also read as growth.
/// </summary>
public sealed record MemoryTrend(double SlopeMbPer1000Requests, double InterceptMb, double RSquared, int Points,
    double LateSlopeMbPer1000Requests = double.NaN)
{
    public const double GrowingSlopeMbPer1000Requests = 1.0;

    /// <summary>A steep line through noise explains little of it; below this it is not called a leak.</summary>
    public const double MinRSquared = 0.5;

    /// <summary>Shorter runs are not judged: the allocators of a fresh process still fill up over the first dozens of
    /// requests, which a line through them reads as hundreds of MB per 1,000 requests.</summary>
    public const int MinPoints = 100;

    /// <summary>The later half must still rise at least this fast to call the run's growth a leak: half the growing slope,
    /// as half the readings give a noisier slope.</summary>
    public const double StillGrowingSlopeMbPer1000Requests = GrowingSlopeMbPer1000Requests / 2;

    public TrendVerdict Verdict =>
        Points < MinPoints ? TrendVerdict.Inconclusive
        : RisesOverTheRun && !LevelledOff ? TrendVerdict.Growing
        : TrendVerdict.Stable;

    /// <summary>A line through the whole run rises faster than <see cref="GrowingSlopeMbPer1000Requests"/> and explains the readings.</summary>
    public bool RisesOverTheRun => SlopeMbPer1000Requests > GrowingSlopeMbPer1000Requests && RSquared >= MinRSquared;

    /// <summary>The later half rises slower than <see cref="StillGrowingSlopeMbPer1000Requests"/>.</summary>
    public bool LevelledOff => LateSlopeMbPer1000Requests <= StillGrowingSlopeMbPer1000Requests;

    /// <summary>Fewer than two points, or a single request index, give NaN (and, being few, read as Inconclusive).</summary>
    /// <summary>A Memory_MB column, one reading per request in order; nulls are skipped.</summary>
    public static MemoryTrend Fit(Microsoft.Data.Analysis.DataFrameColumn memoryMb)
    {
        ArgumentNullException.ThrowIfNull(memoryMb);
        var readings = Frames.ColumnValues.Doubles(memoryMb).Select((mb, index) => (Index: (double)index, Mb: mb)).Where(r => !double.IsNaN(r.Mb)).ToList();
        return Fit(readings.Select(r => r.Index).ToList(), readings.Select(r => r.Mb).ToList());
    }

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
        return new MemoryTrend(slope * 1000, intercept, GoodnessOfFit.CoefficientOfDetermination(fitted, y), x.Length, LateSlope(x, y) * 1000);
    }

    private static double LateSlope(double[] x, double[] y)
    {
        var lateX = x[(x.Length / 2)..];
        var lateY = y[(y.Length / 2)..];
        return lateX.Length < 2 || lateX.All(v => v == lateX[0]) ? double.NaN : SimpleRegression.Fit(lateX, lateY).B;
    }

    public override string ToString() => FormattableString.Invariant(
        $"MemoryTrend {{ SlopeMbPer1000Requests = {SlopeMbPer1000Requests}, InterceptMb = {InterceptMb}, RSquared = {RSquared}, Points = {Points}, LateSlopeMbPer1000Requests = {LateSlopeMbPer1000Requests}, Verdict = {Verdict} }}");
}
