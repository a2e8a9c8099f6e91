using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaceGuard.Analysis.LoadTests;

/// <summary>
/// One request as the locustfile records it on a worker and the master writes it: a line of the rows file
/// (JSON lines). <see cref="LocustRun"/> turns these into request-log rows.
/// </summary>
/// <param name="StartUnixS">When the request was sent, seconds since 1970 on the worker's clock.</param>
/// <param name="ServerTiming">The service's Server-Timing header as received.</param>
/// <param name="Worker">Locust's id of the worker that sent it (host name and a random part).</param>
internal sealed record LocustRow(
    [property: JsonPropertyName("start")] double StartUnixS,
    [property: JsonPropertyName("latency_ms")] double LatencyMs,
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("faces")] int? Faces,
    [property: JsonPropertyName("image")] string? Image,
    [property: JsonPropertyName("bytes_in")] long? BytesIn,
    [property: JsonPropertyName("bytes_out")] long? BytesOut,
    [property: JsonPropertyName("server_timing")] string? ServerTiming,
    [property: JsonPropertyName("worker")] string Worker)
{
    /// <summary>Every row of the master's file; a last line cut off by a killed master is left out.</summary>
    public static IReadOnlyList<LocustRow> ReadAll(string path)
    {
        if (!File.Exists(path)) return [];
        var rows = new List<LocustRow>();
        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                rows.Add(JsonSerializer.Deserialize<LocustRow>(line) ?? throw new InvalidDataException($"{path}: an empty row."));
            }
            catch (JsonException) when (line == File.ReadLines(path).Last())
            {
                // only the last line can be incomplete
            }
        }
        return rows;
    }
}
