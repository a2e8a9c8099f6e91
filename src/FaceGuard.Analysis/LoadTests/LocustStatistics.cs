using CsvHelper;
using System.Globalization;

namespace FaceGuard.Analysis.LoadTests;

/// <summary>Locust's own totals from its --csv files (&lt;prefix&gt;_stats.csv, the "Aggregated" row): what the log's
/// rows are checked against.</summary>
public sealed record LocustStatistics(long Requests, long Failures)
{
    public static LocustStatistics? Read(string statsCsvPath)
    {
        if (!File.Exists(statsCsvPath)) return null;
        using var csv = CsvReader.FromFile(statsCsvPath, new CsvReaderOptions { FormatProvider = CultureInfo.InvariantCulture });
        csv.ReadHeader();
        var headers = csv.Headers.ToList();
        int name = headers.IndexOf("Name"), requests = headers.IndexOf("Request Count"), failures = headers.IndexOf("Failure Count");
        if (name < 0 || requests < 0 || failures < 0) throw new InvalidDataException($"{statsCsvPath} is not Locust's _stats.csv (no Name, Request Count, Failure Count).");
        while (csv.Read())
        {
            if (csv.GetString(name) == "Aggregated")
                return new LocustStatistics(long.Parse(csv.GetString(requests), CultureInfo.InvariantCulture), long.Parse(csv.GetString(failures), CultureInfo.InvariantCulture));
        }
        return null;
    }
}
