using System.Globalization;
using CsvHelper;

namespace FaceGuard.Analysis.Logs;

/// <summary>One second of a Locust run as Locust aggregated it (a row of its --csv …_stats_history.csv, Name
/// "Aggregated"). Percentiles are Locust's own, cumulative from the start of the run, over its rounded response
/// times; null where Locust wrote N/A (no request yet).</summary>
public sealed record LocustHistoryRow(
    DateTime Timestamp,
    double ElapsedS,
    int Users,
    double RequestsPerS,
    double FailuresPerS,
    double? P50Ms,
    double? P95Ms,
    double? P99Ms,
    double? MaxMs,
    long TotalRequests,
    long TotalFailures,
    double TotalAverageMs);

/// <summary>A run known only from Locust's aggregated statistics: no request-by-request rows, so none of the
/// per-request statistics can be computed from it. Reports say so.</summary>
public sealed record LocustHistory(string Source, IReadOnlyList<LocustHistoryRow> Rows)
{
    public const string Label = "Aggregated by Locust: per-second percentiles, not per-request";

    private static readonly string[] Required =
        ["Timestamp", "User Count", "Name", "Requests/s", "Failures/s", "50%", "95%", "99%", "100%", "Total Request Count", "Total Failure Count", "Total Average Response Time"];

    /// <summary>True when the file's header is that of Locust's _stats_history.csv.</summary>
    public static bool IsStatsHistory(string path)
    {
        using var reader = new StreamReader(path);
        string header = reader.ReadLine() ?? "";
        var names = header.Split(',').Select(n => n.Trim('"')).ToHashSet(StringComparer.Ordinal);
        return Required.All(names.Contains);
    }

    /// <exception cref="InvalidDataException">Not Locust's stats history, or a value it cannot read; says which line.</exception>
    public static LocustHistory Read(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { FormatProvider = CultureInfo.InvariantCulture, TrimWhitespace = true });
        csv.ReadHeader();
        var headers = csv.Headers.ToList();
        int Index(string name) => headers.IndexOf(name) is >= 0 and int i ? i
            : throw new InvalidDataException($"{path} has no '{name}' column; it is not Locust's _stats_history.csv.");
        var at = Required.ToDictionary(n => n, Index);
        var rows = new List<LocustHistoryRow>();
        double? firstUnixS = null;
        int line = 1;
        while (csv.Read())
        {
            line++;
            if (csv.GetString(at["Name"]) != "Aggregated") continue;
            double unixS = Number("Timestamp");
            firstUnixS ??= unixS;
            rows.Add(new LocustHistoryRow(
                DateTimeOffset.FromUnixTimeMilliseconds((long)(unixS * 1000)).LocalDateTime, unixS - firstUnixS.Value, (int)Number("User Count"),
                Number("Requests/s"), Number("Failures/s"), Percentile("50%"), Percentile("95%"), Percentile("99%"), Percentile("100%"),
                (long)Number("Total Request Count"), (long)Number("Total Failure Count"), Number("Total Average Response Time")));
        }
        return new LocustHistory(path, rows);

        double Number(string column) =>
            double.TryParse(csv.GetString(at[column]), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                ? value
                : throw new InvalidDataException($"{path}, line {line}: '{csv.GetString(at[column])}' is not a valid {column}.");

        double? Percentile(string column) => csv.GetString(at[column]) == "N/A" ? null : Number(column);
    }

    /// <summary>The last row with requests: Locust's totals for the whole run.</summary>
    public LocustHistoryRow? Final => Rows.LastOrDefault(r => r.TotalRequests > 0);

    public double DurationS => Rows.Count == 0 ? 0 : Rows[^1].ElapsedS;
}
