using System.Globalization;
using System.Text.Json;
using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Analysis.Prometheus;

/// <summary>
/// Reads the JSON of Prometheus' HTTP API — /api/v1/query_range (a matrix) or /api/v1/query (a vector) — into a
/// <see cref="PrometheusResult"/>: the same body whether it came from <see cref="PrometheusApi"/>, curl or a saved file.
/// Timestamps are Unix seconds with millisecond decimals; values are strings ("0.25", "NaN", "+Inf"). Native histogram
/// samples ("histograms") are not read: query a classic histogram or a histogram_quantile instead.
/// </summary>
public static class PrometheusJson
{
    public static PrometheusResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new PrometheusQueryException($"The answer is not JSON: {e.Message}", jsonPath: e.Path, inner: e);
        }
    }

    public static async Task<PrometheusResult> ParseAsync(Stream json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = await JsonDocument.ParseAsync(json, cancellationToken: cancellationToken);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new PrometheusQueryException($"The answer is not JSON: {e.Message}", jsonPath: e.Path, inner: e);
        }
    }

    /// <summary>Reads a file saved from the API (e.g. curl …/api/v1/query_range?… &gt; memory.json).</summary>
    public static async Task<PrometheusResult> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        return await ParseAsync(file, cancellationToken);
    }

    private static PrometheusResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Malformed("an object", "$");
        string status = String(root, "status", "status");
        if (status == "error")
        {
            string type = root.TryGetProperty("errorType", out var t) ? t.GetString() ?? "" : "";
            string error = root.TryGetProperty("error", out var m) ? m.GetString() ?? "" : "";
            throw new PrometheusQueryException($"Prometheus refused the query ({type}): {error}", errorType: type);
        }
        if (status != "success") throw Malformed("\"success\" or \"error\"", "status");

        var data = Property(root, "data", "data");
        string resultType = String(data, "resultType", "data.resultType");
        if (resultType is not (PrometheusResult.Matrix or PrometheusResult.Vector))
            throw new PrometheusQueryException(
                $"The result is a {resultType}; only a matrix (range query) or a vector (instant query) holds series.", jsonPath: "data.resultType");

        var result = Property(data, "result", "data.result");
        if (result.ValueKind != JsonValueKind.Array) throw Malformed("an array", "data.result");
        var series = new List<PrometheusSeries>();
        int index = 0;
        foreach (var item in result.EnumerateArray())
            series.Add(Series(item, resultType, $"data.result[{index++}]"));

        var warnings = root.TryGetProperty("warnings", out var w) && w.ValueKind == JsonValueKind.Array
            ? w.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : [];
        return new PrometheusResult(resultType, series, warnings);
    }

    private static PrometheusSeries Series(JsonElement item, string resultType, string path)
    {
        var metric = Property(item, "metric", path + ".metric");
        if (metric.ValueKind != JsonValueKind.Object) throw Malformed("an object of labels", path + ".metric");
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in metric.EnumerateObject()) labels[label.Name] = label.Value.GetString() ?? "";

        var samples = new List<TimedValue>();
        if (resultType == PrometheusResult.Vector)
        {
            samples.Add(Sample(Property(item, "value", path + ".value"), path + ".value"));
        }
        else if (item.TryGetProperty("values", out var values)) // absent when a series has native histograms only
        {
            if (values.ValueKind != JsonValueKind.Array) throw Malformed("an array", path + ".values");
            int i = 0;
            foreach (var value in values.EnumerateArray()) samples.Add(Sample(value, $"{path}.values[{i++}]"));
        }
        return new PrometheusSeries(labels, samples);
    }

    /// <summary>[1435781451.781, "1"]</summary>
    private static TimedValue Sample(JsonElement pair, string path)
    {
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2 ||
            pair[0].ValueKind != JsonValueKind.Number || pair[1].ValueKind != JsonValueKind.String)
            throw Malformed("[unix seconds, \"value\"]", path);
        double seconds = pair[0].GetDouble();
        var time = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        return new TimedValue(time, Value(pair[1].GetString()!, path));
    }

    /// <summary>Go's formatting of a float: "1", "0.25", "1e+06", "NaN", "+Inf", "-Inf".</summary>
    internal static double Value(string text, string path) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw Malformed("a number", path, $" (found \"{text}\")"),
    };

    private static JsonElement Property(JsonElement element, string name, string path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : throw Malformed("present", path);

    private static string String(JsonElement element, string name, string path)
    {
        var value = Property(element, name, path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Malformed("a string", path);
    }

    private static PrometheusQueryException Malformed(string expected, string path, string found = "") =>
        new($"Not a Prometheus query result: {path} should be {expected}{found}.", jsonPath: path);
}
