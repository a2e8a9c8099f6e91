using System.Globalization;
using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Analysis.Prometheus;

/// <summary>One time series of a query result: its labels (the metric name as "__name__" when the query kept it) and its
/// samples in time order. Prometheus' NaN, +Inf and -Inf come through as the doubles they are.</summary>
public sealed record PrometheusSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<TimedValue> Samples)
{
    public const string NameLabel = "__name__";

    /// <summary>The metric name, or null when the query's functions dropped it (rate, sum by, …).</summary>
    public string? MetricName => Labels.GetValueOrDefault(NameLabel);

    /// <summary>The series as PromQL prints it, labels sorted by name: <c>up{instance="a:9090", job="x"}</c>, or
    /// <c>{code="200"}</c> without a name. Unique within a result, so it names columns and legends.</summary>
    public string Key { get; } = Format(Labels);

    public IReadOnlyList<double> Values => Samples.Select(s => s.Value).ToList();

    /// <summary>The samples as the library's <see cref="TimedValue"/>s, for <see cref="ThresholdCheck"/> and friends.</summary>
    public IReadOnlyList<TimedValue> ToTimedValues() => Samples.Select(s => new TimedValue(s.Timestamp, s.Value)).ToList();

    /// <summary>Every value multiplied by <paramref name="factor"/>: bytes to MB with 1.0 / (1024 * 1024), seconds to ms with 1000.</summary>
    public PrometheusSeries Scaled(double factor) => this with { Samples = Samples.Select(s => s with { Value = s.Value * factor }).ToList() };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Key} ({Samples.Count} samples)");

    internal static string Format(IReadOnlyDictionary<string, string> labels)
    {
        string name = labels.GetValueOrDefault(NameLabel) ?? "";
        var rest = labels.Where(l => l.Key != NameLabel).OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => $"{l.Key}=\"{l.Value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")}\"")
            .ToList();
        return rest.Count == 0 && name.Length > 0 ? name : $"{name}{{{string.Join(", ", rest)}}}";
    }
}
