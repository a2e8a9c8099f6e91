using FaceGuard.Analysis.Statistics;
using FaceGuard.Engine.Evaluation;
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
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartHtml.Render(chart, Session())), HtmlMime);
        Formatter.Register<RunAnalysis>((analysis, writer) => writer.Write(RunHtml.Analysis(analysis)), HtmlMime);
        Formatter.Register<Distribution>((distribution, writer) => writer.Write(RunHtml.Distribution(distribution)), HtmlMime);
        Formatter.Register<Verdict>((verdict, writer) => writer.Write(RunHtml.Verdicts([verdict])), HtmlMime);
        Formatter.Register<IEnumerable<Verdict>>((verdicts, writer) => writer.Write(RunHtml.Verdicts(verdicts)), HtmlMime);
        Formatter.Register<RunComparison>((comparison, writer) => writer.Write(RunHtml.Comparison(comparison)), HtmlMime);
        Formatter.Register<EvaluationReport>((report, writer) => writer.Write(EvaluationHtml.Report(report)), HtmlMime);
        Formatter.Register<Thumbnail>((thumbnail, writer) => writer.Write(thumbnail.ToHtml()), HtmlMime);
        Formatter.Register<BeforeAfter>((pair, writer) => writer.Write(pair.ToHtml()), HtmlMime);
        Formatter.Register<Gallery>((gallery, writer) => writer.Write(gallery.ToHtml()), HtmlMime);
        Formatter.Register<BuildInfo>((info, writer) => writer.Write(BuildInfoHtml(info)), HtmlMime);
        foreach (var type in new[] { typeof(GenericChart), typeof(RunAnalysis), typeof(Distribution), typeof(Verdict), typeof(IEnumerable<Verdict>),
                     typeof(RunComparison), typeof(EvaluationReport), typeof(Thumbnail), typeof(BeforeAfter), typeof(Gallery), typeof(BuildInfo) })
        {
            Formatter.SetPreferredMimeTypesFor(type, HtmlMime);
        }
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
