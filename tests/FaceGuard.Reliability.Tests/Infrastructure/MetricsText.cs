using System.Globalization;

namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>Reads values out of the Prometheus text the service serves on /metrics.</summary>
internal static class MetricsText
{
    /// <summary>The sum of every series of <paramref name="metric"/> whose labels contain each of <paramref name="labels"/> (e.g. endpoint="/process").</summary>
    public static double Sum(string metrics, string metric, params string[] labels) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    public static async Task<double> ReadAsync(HttpClient client, string metric, CancellationToken cancellationToken, params string[] labels) =>
        Sum(await client.GetStringAsync("/metrics", cancellationToken), metric, labels);
}
