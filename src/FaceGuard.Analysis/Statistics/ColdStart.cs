namespace FaceGuard.Analysis.Statistics;

/// <summary>How much slower the first request is than the steady state (the median of all later ones).</summary>
public sealed record ColdStart(double FirstMs, double SteadyMedianMs)
{
    public double Ratio => FirstMs / SteadyMedianMs;

    /// <summary>A latency column in the order the requests were sent; nulls (failed requests) are skipped.</summary>
    public static ColdStart Analyze(Microsoft.Data.Analysis.DataFrameColumn latenciesInOrder)
    {
        ArgumentNullException.ThrowIfNull(latenciesInOrder);
        return Analyze(Frames.ColumnValues.Doubles(latenciesInOrder).Where(v => !double.IsNaN(v)).ToArray());
    }

    /// <param name="latenciesInOrder">Latencies in the order the requests were sent.</param>
    public static ColdStart Analyze(IReadOnlyList<double> latenciesInOrder)
    {
        ArgumentNullException.ThrowIfNull(latenciesInOrder);
        return latenciesInOrder.Count == 0
            ? new ColdStart(double.NaN, double.NaN)
            : new ColdStart(latenciesInOrder[0], Quantiles.Median(latenciesInOrder.Skip(1)));
    }

    public override string ToString() => FormattableString.Invariant(
        $"ColdStart {{ FirstMs = {FirstMs}, SteadyMedianMs = {SteadyMedianMs}, Ratio = {Ratio} }}");
}
