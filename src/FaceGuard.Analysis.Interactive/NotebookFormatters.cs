using FaceGuard.Analysis.Statistics;
using FaceGuard.Analysis.Evaluation;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace FaceGuard.Analysis.Interactive;

/// <summary>The HTML formatters the extension registers; each one only formats (see the *Html classes).</summary>
public static class NotebookFormatters
{
    private const string HtmlMime = HtmlFormatter.MimeType;
    private static readonly object NoKernel = new();

    public static void Register()
    {
        AsHtml<GenericChart>(chart => ChartHtml.Render(chart, Session()));
        AsHtml<RunAnalysis>(RunHtml.Analysis);
        AsHtml<Distribution>(distribution => RunHtml.Distribution(distribution));
        AsHtml<Verdict>(verdict => RunHtml.Verdicts([verdict]));
        AsHtml<IEnumerable<Verdict>>(RunHtml.Verdicts);
        AsHtml<RunComparison>(RunHtml.Comparison);
        AsHtml<EvaluationReport>(EvaluationHtml.Report);
        AsHtml<Thumbnail>(thumbnail => thumbnail.ToHtml());
        AsHtml<BeforeAfter>(pair => pair.ToHtml());
        AsHtml<Gallery>(gallery => gallery.ToHtml());
        AsHtml<BuildInfo>(BuildInfoHtml);
    }

    /// <summary>Formats <typeparamref name="T"/> as HTML and makes HTML its preferred output.</summary>
    private static void AsHtml<T>(Func<T, string> html)
    {
        Formatter.Register<T>((value, writer) => writer.Write(html(value)), HtmlMime);
        Formatter.SetPreferredMimeTypesFor(typeof(T), HtmlMime);
    }

    /// <summary>The notebook session a chart belongs to: the root kernel handling the current command.</summary>
    private static object Session() => (object?)KernelInvocationContext.Current?.HandlingKernel?.RootKernel ?? NoKernel;

    internal static string BuildInfoHtml(BuildInfo info) => Html.Block("fg-build", html =>
    {
        var built = info.BuiltUtc is { } time ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC" : "unknown";
        html.Append("<p><b>FaceGuard.Analysis ").Append(Html.E(info.Version)).Append("</b> built ").Append(Html.E(built))
            .Append(info.Commit is { } commit ? " from commit " + Html.E(commit) : "").Append(".</p>\n");
        if (info.IsStale)
        {
            html.Append("<ul class=\"fg-verdicts\">\n");
            foreach (var reason in info.StaleReasons)
            {
                html.Append("<li class=\"warning\"><span class=\"badge\">Stale</span> ").Append(Html.E(reason)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }
    });
}
