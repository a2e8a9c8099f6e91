namespace FaceGuard.Analysis.Prometheus;

/// <summary>
/// The series a Prometheus query returned: a range query's matrix (several samples per series) or an instant query's
/// vector (one each). Read with <see cref="PrometheusJson"/>; turned into DataFrames by <see cref="PrometheusFrames"/>
/// and into a chart by <see cref="PrometheusChart"/>.
/// </summary>
/// <param name="ResultType">"matrix" or "vector", as Prometheus named it.</param>
/// <param name="Warnings">What Prometheus warned about (e.g. a partial answer); empty when nothing.</param>
public sealed record PrometheusResult(string ResultType, IReadOnlyList<PrometheusSeries> Series, IReadOnlyList<string> Warnings)
{
    public const string Matrix = "matrix";
    public const string Vector = "vector";

    /// <summary>The series whose <see cref="PrometheusSeries.Key"/> is <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such series; the message lists the ones there are.</exception>
    public PrometheusSeries this[string key] =>
        Series.FirstOrDefault(s => s.Key == key)
        ?? throw new KeyNotFoundException($"No series {key} in the result; it has: {string.Join(", ", Series.Select(s => s.Key))}.");

    /// <summary>The labels whose values differ between the series (or are missing from some): what tells them apart,
    /// as a legend should say it.</summary>
    public IReadOnlyList<string> DistinguishingLabels() =>
        Series.SelectMany(s => s.Labels.Keys).Distinct()
            .Where(label => Series.Select(s => s.Labels.GetValueOrDefault(label)).Distinct().Count() > 1)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A short name per series: its distinguishing labels ("code=200, endpoint=/process"), or its key when
    /// there is only one series or nothing tells them apart.</summary>
    public string ShortName(PrometheusSeries series)
    {
        var labels = DistinguishingLabels();
        return labels.Count == 0
            ? series.Key
            : string.Join(", ", labels.Select(l => $"{l}={series.Labels.GetValueOrDefault(l) ?? "–"}"));
    }
}
