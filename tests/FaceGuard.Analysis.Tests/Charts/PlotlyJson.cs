using System.Text.Json;
using Plotly.NET;

namespace FaceGuard.Analysis.Tests.Charts;

/// <summary>The data and layout a chart hands to plotly.js, read back from Plotly.NET's HTML as JSON.</summary>
internal sealed record PlotlyJson(JsonElement Data, JsonElement Layout)
{
    public static PlotlyJson Of(GenericChart chart) => Parse(GenericChart.toChartHTML(chart));

    /// <summary>From the HTML of one chart: "var data = [...];" and "var layout = {...};" lines.</summary>
    public static PlotlyJson Parse(string chartHtml) => new(Variable(chartHtml, "data"), Variable(chartHtml, "layout"));

    public IEnumerable<string> TraceNames => Data.EnumerateArray().Select(t => t.TryGetProperty("name", out var n) ? n.GetString()! : "");

    public JsonElement Trace(string name) =>
        Data.EnumerateArray().SingleOrDefault(t => t.TryGetProperty("name", out var n) && n.GetString() == name) is { ValueKind: JsonValueKind.Object } trace
            ? trace
            : throw new Xunit.Sdk.XunitException($"No trace named \"{name}\"; there are: {string.Join(", ", TraceNames)}.");

    public string AxisTitle(string axis) => Layout.GetProperty(axis).GetProperty("title").GetProperty("text").GetString()!;

    public string Title => Layout.GetProperty("title").GetProperty("text").GetString()!;

    public static double[] Numbers(JsonElement trace, string property) =>
        trace.GetProperty(property).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static JsonElement Variable(string html, string name)
    {
        var marker = $"var {name} = ";
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No \"{marker}\" in the chart HTML.");
        start += marker.Length;
        var end = html.IndexOf('\n', start);
        var json = html[start..end].TrimEnd('\r', ';');
        // The report escapes "</" in scripts as "<\/", which JSON reads back as "</".
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
