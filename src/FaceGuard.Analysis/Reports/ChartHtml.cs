using System.Text.RegularExpressions;
using Plotly.NET;

namespace FaceGuard.Analysis.Reports;

/// <summary>A chart as the div and script Plotly.NET writes for it, made stable and safe to inline.</summary>
internal static partial class ChartHtml
{
    /// <param name="id">The div's id, in place of the random one Plotly.NET draws, so that the same run renders the same HTML.</param>
    public static string Render(GenericChart chart, string id)
    {
        var html = GenericChart.toChartHTML(chart);
        var generated = GeneratedId().Match(html);
        if (!generated.Success)
        {
            throw new InvalidOperationException("Plotly.NET's chart HTML has no div id where one was expected.");
        }

        var guid = generated.Groups[1].Value;
        html = html.Replace(guid, id, StringComparison.Ordinal)
            .Replace(guid.Replace("-", "", StringComparison.Ordinal), id.Replace('-', '_'), StringComparison.Ordinal);

        return ChartMarkup.Parse(html).ToString();
    }

    [GeneratedRegex("""<div id="([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})">""")]
    private static partial Regex GeneratedId();
}
