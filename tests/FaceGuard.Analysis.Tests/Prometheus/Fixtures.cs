using System.Runtime.CompilerServices;

namespace FaceGuard.Analysis.Tests.Prometheus;

/// <summary>
/// Answers of a real Prometheus 2 (Debian's package) scraping the FaceGuard service every second while it processed 40
/// photos and refused 40 text files, saved with curl from /api/v1/query_range as they came:
/// requests — sum by (code, endpoint) (http_requests_received_total{job="faceguard", endpoint="/process"}), step 1s;
/// memory — process_resident_memory_bytes{job="faceguard"}, step 1s;
/// p95 — histogram_quantile(0.95, sum by (le, endpoint) (rate(http_request_duration_seconds_bucket{…}[3s]))), step 1s,
/// NaN once the traffic stopped.
/// </summary>
internal static class Fixtures
{
    public static string Requests => Read("query_range_requests.json");
    public static string Memory => Read("query_range_memory.json");
    public static string P95 => Read("query_range_p95.json");

    public static string PathOf(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Fixtures", name);

    private static string Read(string name) => File.ReadAllText(PathOf(name));
}
