using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Analysis;

/// <summary>The limits a run is checked against: a request slower than <paramref name="LatencyMs"/>, or the service
/// process above <paramref name="MemoryMb"/>, raises an alert; a value equal to the limit does not. Both must be positive.</summary>
public sealed record AlertThresholds(double LatencyMs = AlertThresholds.DefaultLatencyMs, double MemoryMb = AlertThresholds.DefaultMemoryMb)
{
    public const double DefaultLatencyMs = ThresholdCheck.LatencyAlertMs;
    public const double DefaultMemoryMb = ThresholdCheck.MemoryAlertMb;

    public static AlertThresholds Default { get; } = new();

    public double LatencyMs { get; init => field = Positive(value, nameof(LatencyMs)); } = Positive(LatencyMs, nameof(LatencyMs));

    public double MemoryMb { get; init => field = Positive(value, nameof(MemoryMb)); } = Positive(MemoryMb, nameof(MemoryMb));

    public override string ToString() => FormattableString.Invariant($"AlertThresholds {{ LatencyMs = {LatencyMs}, MemoryMb = {MemoryMb} }}");

    private static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "A threshold must be a positive, finite number.");
}
