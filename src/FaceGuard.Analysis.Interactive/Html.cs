using System.Net;
using System.Text;
using FaceGuard.Analysis.Reports;

namespace FaceGuard.Analysis.Interactive;

/// <summary>Text as HTML for notebook outputs: data encoded, one small scoped stylesheet. Numbers come from
/// <see cref="InvariantText"/>, as in the reports.</summary>
internal static class Html
{
    /// <summary>Scoped under .fg so that it styles nothing else in the notebook; colours read in light and dark themes.</summary>
    public const string Style = """
        <style>
        .fg { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 13px; line-height: 1.45; }
        .fg table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 4px 0 10px; }
        .fg th, .fg td { padding: 3px 10px; border-bottom: 1px solid rgba(128,128,128,.3); text-align: left; vertical-align: top; }
        .fg thead th { font-weight: 600; border-bottom: 2px solid rgba(128,128,128,.45); }
        .fg tbody th { font-weight: 500; white-space: nowrap; }
        .fg .num { text-align: right; white-space: nowrap; }
        .fg .muted { opacity: .7; }
        .fg h4 { margin: 6px 0 4px; font-size: 14px; }
        .fg ul.fg-verdicts { list-style: none; padding: 0; margin: 4px 0; }
        .fg ul.fg-verdicts li { padding: 4px 10px; margin: 3px 0; border-left: 4px solid; border-radius: 4px; }
        .fg .badge { display: inline-block; min-width: 70px; font-size: 11px; font-weight: 700; letter-spacing: .05em; text-transform: uppercase; }
        .fg .ok { border-color: #059669; background: rgba(5,150,105,.10); } .fg .ok .badge, .fg .badge.ok { color: #059669; }
        .fg .warning { border-color: #d97706; background: rgba(217,119,6,.12); } .fg .warning .badge, .fg .badge.warning { color: #d97706; }
        .fg .alert { border-color: #dc2626; background: rgba(220,38,38,.10); } .fg .alert .badge, .fg .badge.alert { color: #dc2626; }
        .fg .fg-gallery { display: flex; flex-wrap: wrap; gap: 14px; }
        .fg figure { margin: 0; }
        .fg figure .pair { display: flex; gap: 4px; }
        .fg figure img { display: block; border-radius: 3px; }
        .fg figcaption { font-size: 12px; max-width: 660px; }
        </style>
        """;

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>An output: the stylesheet, then the content inside a div carrying the .fg scope and <paramref name="cssClass"/>.</summary>
    public static string Block(string cssClass, Action<StringBuilder> content)
    {
        var html = new StringBuilder(Style.Length + 2048);
        html.Append(Style).Append("<div class=\"fg ").Append(cssClass).Append("\">\n");
        content(html);
        return html.Append("</div>").ToString();
    }

    /// <summary>A table; <paramref name="numeric"/> right-aligns every column after the first.</summary>
    public static void Table(StringBuilder html, string cssClass, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, bool numeric = true)
    {
        html.Append("<table class=\"").Append(cssClass).Append("\">\n<thead><tr>");
        for (var i = 0; i < header.Count; i++)
        {
            html.Append(i > 0 && numeric ? "<th class=\"num\">" : "<th>").Append(E(header[i])).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(i == 0 ? "<th>" : numeric ? "<td class=\"num\">" : "<td>").Append(E(row[i])).Append(i == 0 ? "</th>" : "</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    public static void Verdicts(StringBuilder html, IEnumerable<Verdict> verdicts)
    {
        html.Append("<ul class=\"fg-verdicts\">\n");
        foreach (var verdict in verdicts)
        {
            html.Append("<li class=\"").Append(SeverityCss.Of(verdict.Severity)).Append("\"><span class=\"badge\">").Append(verdict.Severity)
                .Append("</span> ").Append(E(verdict.Text)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }
}
