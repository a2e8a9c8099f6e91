using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FaceGuard.Analysis.Reports;
using Microsoft.FSharp.Core;
using Plotly.NET;

namespace FaceGuard.Analysis.Interactive;

/// <summary>
/// Plotly.NET charts as notebook HTML that draws offline: plotly.js (embedded in Plotly.NET.dll) goes inline into the
/// first chart output of each kernel session, and every chart waits for <c>window.Plotly</c> before drawing, so an
/// output rendered before the one carrying the library still draws. Nothing is loaded from a CDN.
/// </summary>
public static partial class ChartHtml
{
    /// <summary>Marks the script element that carries plotly.js, so tests and readers can find it.</summary>
    public const string LibraryMarker = "data-faceguard-plotlyjs";

    /// <summary>How long a chart waits for plotly.js before it gives up, in 100 ms steps.</summary>
    public const int WaitSteps = 300;

    // Keyed by the root kernel, not a static flag: a kernel restart, or a test host running several kernels in one
    // process, starts a new session whose first chart must carry the library again.
    private static readonly ConditionalWeakTable<object, object> SessionsWithLibrary = new();

    /// <summary>The chart's HTML for the given session; the session's first chart carries plotly.js.</summary>
    public static string Render(GenericChart chart, object session)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(session);
        var withLibrary = SessionsWithLibrary.TryAdd(session, session);
        return (withLibrary ? LibraryScript() : "") + ChartOnly(chart);
    }

    /// <summary>The chart's div and drawing script, with no reference to plotly.js.</summary>
    public static string ChartOnly(GenericChart chart)
    {
        var noReference = Chart.withDisplayOptions(DisplayOptions.init(
            DocumentTitle: null, DocumentCharset: null, DocumentDescription: null, DocumentFavicon: null,
            AdditionalHeadTags: null, ChartDescription: null,
            PlotlyJSReference: FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.NoReference))).Invoke(chart);
        var markup = ChartMarkup.Parse(GenericChart.toChartHTML(noReference));
        var call = DrawCall().Match(markup.Script);
        if (!call.Success)
        {
            throw new InvalidOperationException("Plotly.NET's chart script no longer ends with a renderPlotly_…() call.");
        }

        var draw = call.Groups[1].Value;
        var waiting = markup.Script[..call.Index]
            + $"(function wait(n) {{ if (typeof window.Plotly !== 'undefined') {{ {draw}(); }} else if (n > 0) {{ setTimeout(function () {{ wait(n - 1); }}, 100); }} }})({WaitSteps});"
            + markup.Script[(call.Index + call.Length)..];
        return (markup with { Script = waiting }).ToString();
    }

    /// <summary>
    /// plotly.js in one script element. It is a UMD bundle: an AMD loader on the page (require.js in Jupyter and
    /// nbconvert pages) would take it and leave <c>window.Plotly</c> undefined, so define/module/exports are shadowed.
    /// </summary>
    public static string LibraryScript() =>
        $"<script type=\"text/javascript\" {LibraryMarker}>if (typeof window.Plotly === 'undefined') {{ (function (define, module, exports) {{\n"
        + PlotlyJs.Library
        + "\n}).call(window, undefined, undefined, undefined); }</script>\n";

    [GeneratedRegex(@"(renderPlotly_[0-9A-Za-z_]+)\(\);\s*$")]
    private static partial Regex DrawCall();
}
