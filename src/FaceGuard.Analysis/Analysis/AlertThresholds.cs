using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Analysis;

/// <summary>
/// The limits a run is checked against. A request slower than <see cref="LatencyMs"/>, or the service process above
/// <see cref="MemoryMb"/>, raises an alert (a value equal to the limit does not). The seed tutorial's idea of a
/// healthy service is checked too: latencies inside <see cref="LatencyBandMs"/>, and
/// CPU within ±<see cref="CpuFluctuationPercent"/> % of its own mean over the measured phase.
/// </summary>
public sealed record AlertThresholds(double LatencyMs = AlertThresholds.DefaultLatencyMs, double MemoryMb = AlertThresholds.DefaultMemoryMb)
{
    public const double DefaultLatencyMs = ThresholdCheck.LatencyAlertMs;
    public const double DefaultMemoryMb = ThresholdCheck.MemoryAlertMb;
    public const double DefaultLatencyBandLowMs = 200;
    public const double DefaultLatencyBandHighMs = 400;
    public const double DefaultCpuFluctuationPercent = 15;

    public static AlertThresholds Default { get; } = new();

    public double LatencyMs { get; init => field = Positive(value, nameof(LatencyMs)); } = Positive(LatencyMs, nameof(LatencyMs));

    public double MemoryMb { get; init => field = Positive(value, nameof(MemoryMb)); } = Positive(MemoryMb, nameof(MemoryMb));

    public Band LatencyBandMs { get; init; } = new(DefaultLatencyBandLowMs, DefaultLatencyBandHighMs);

    public double CpuFluctuationPercent { get; init => field = Positive(value, nameof(CpuFluctuationPercent)); } = DefaultCpuFluctuationPercent;

    public override string ToString() => FormattableString.Invariant(
        $"AlertThresholds {{ LatencyMs = {LatencyMs}, MemoryMb = {MemoryMb}, LatencyBandMs = {LatencyBandMs.Low}–{LatencyBandMs.High}, CpuFluctuation = ±{CpuFluctuationPercent} % }}");

    private static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "A threshold must be a positive, finite number.");
}

/// <summary>A range of values, both ends included; checked when made.</summary>
public readonly record struct Band
{
    public Band(double low, double high)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || low < 0 || high < low)
            throw new ArgumentOutOfRangeException(nameof(high), $"A band runs from a low end of 0 or more to a high end no lower; {low}–{high} does not.");
        (Low, High) = (low, high);
    }

    public double Low { get; }
    public double High { get; }

    /// <summary>"200-400" (or "200–400", "200..400"), as typed on a command line.</summary>
    public static Band Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(["..", "–", "-"], 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var low)
            && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var high)
            && double.IsFinite(low) && double.IsFinite(high) && low >= 0 && high >= low)
        {
            return new Band(low, high);
        }
        throw new FormatException($"'{text}' is not a band: write its low and high ends with a dash between, for example 200-400.");
    }

    public override string ToString() => FormattableString.Invariant($"{Low}–{High}");
}
