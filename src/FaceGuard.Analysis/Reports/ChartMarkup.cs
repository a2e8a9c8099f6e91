namespace FaceGuard.Analysis.Reports;

/// <summary>
/// Plotly.NET's HTML for one chart, split around its inline drawing script. The script is made safe to inline: the
/// chart's JSON may hold text from the data, and "&lt;/" or "&lt;!--" in it would end or upset the script element.
/// </summary>
internal sealed record ChartMarkup(string Before, string Script, string After)
{
    private const string ScriptOpen = "<script type=\"text/javascript\">";
    private const string ScriptClose = "</script>";

    public static ChartMarkup Parse(string html)
    {
        var open = html.IndexOf(ScriptOpen, StringComparison.Ordinal);
        var close = html.LastIndexOf(ScriptClose, StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            throw new InvalidOperationException("Plotly.NET's chart HTML has no script element where one was expected.");
        }

        var start = open + ScriptOpen.Length;
        var script = html[start..close].Replace("</", "<\\/", StringComparison.Ordinal).Replace("<!--", "<\\!--", StringComparison.Ordinal);
        return new ChartMarkup(html[..start], script, html[close..]);
    }

    public override string ToString() => Before + Script + After;
}
