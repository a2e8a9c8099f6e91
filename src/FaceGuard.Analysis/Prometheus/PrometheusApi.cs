using System.Globalization;

namespace FaceGuard.Analysis.Prometheus;

/// <summary>
/// Asks a Prometheus server for a range of a PromQL expression (GET /api/v1/query_range) and reads the answer with
/// <see cref="PrometheusJson"/>. The HttpClient's BaseAddress is the server, e.g. http://prometheus:9090/.
/// </summary>
public static class PrometheusApi
{
    /// <summary>Prometheus refuses a range of more than 11,000 points per series.</summary>
    public const int MaxPointsPerSeries = 11_000;

    /// <summary>The relative URL of the query: api/v1/query_range?query=…&amp;start=…&amp;end=…&amp;step=….</summary>
    public static string QueryRangeUrl(string promql, DateTimeOffset start, DateTimeOffset end, TimeSpan step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(promql);
        if (end < start) throw new ArgumentOutOfRangeException(nameof(end), end, "The end of the range is before its start.");
        if (step <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(step), step, "The step must be positive.");
        if ((end - start) / step > MaxPointsPerSeries)
            throw new ArgumentOutOfRangeException(nameof(step), step, $"{(end - start) / step:0} points per series; Prometheus answers at most {MaxPointsPerSeries}. Use a larger step.");
        return "api/v1/query_range?query=" + Uri.EscapeDataString(promql) +
               "&start=" + Seconds(start) + "&end=" + Seconds(end) +
               "&step=" + step.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }

    /// <exception cref="PrometheusQueryException">Prometheus refused the query, or did not answer with a query result.</exception>
    /// <exception cref="HttpRequestException">Prometheus could not be reached.</exception>
    public static async Task<PrometheusResult> QueryRangeAsync(HttpClient client, string promql, DateTimeOffset start, DateTimeOffset end, TimeSpan step,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(QueryRangeUrl(promql, start, end, step), cancellationToken);
        // Refused queries (400, 422, 503) carry the same JSON with "status": "error", which says more than the status code.
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode && !body.TrimStart().StartsWith('{'))
            throw new PrometheusQueryException($"Prometheus answered {(int)response.StatusCode} {response.ReasonPhrase}: {body[..Math.Min(body.Length, 200)]}");
        return PrometheusJson.Parse(body);
    }

    private static string Seconds(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
