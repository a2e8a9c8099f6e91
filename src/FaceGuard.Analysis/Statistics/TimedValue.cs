namespace FaceGuard.Analysis.Statistics;

/// <summary>One sample of a metric (a latency, a memory reading) at the time it was taken.</summary>
public readonly record struct TimedValue(DateTimeOffset Timestamp, double Value)
{
    public override string ToString() => FormattableString.Invariant($"{Timestamp:O} {Value}");
}
