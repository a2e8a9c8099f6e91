using FaceGuard.Analysis.Evaluation;
using static FaceGuard.Analysis.Interactive.Html;
using static FaceGuard.Analysis.InvariantText;

namespace FaceGuard.Analysis.Interactive;

/// <summary>A detection evaluation as notebook HTML: totals, recall by face size, each labelled set, the missed faces.</summary>
public static class EvaluationHtml
{
    public const string BySizeClass = "fg-recall-by-size";
    public const string BySetClass = "fg-recall-by-set";

    /// <summary>Missed faces listed by name; the count says how many more there are.</summary>
    public const int MaxMissedListed = 20;

    public static string Report(EvaluationReport report) => Block("fg-evaluation", html =>
    {
        var options = report.Options;
        html.Append("<h4>Detection on ").Append(Count(report.Images.Count)).Append(" labelled photos</h4>\n<p>")
            .Append(E($"Model {options.Model}, sensitivity {options.Sensitivity}, score ≥ {Number(options.MinScore, 2)}, confirm {(options.Confirm ? "on" : "off")}; "))
            .Append(E($"mean detection {Ms(report.MeanDetectMs)} ms per photo.")).Append("</p>\n");
        Table(html, "fg-evaluation-totals", ["", "Faces", "Found (IoU ≥ 0.5)", "Recall", "Hidden by a mask", "Hidden share", "Detections", "Precision", "False alarms"],
        [
            ["All", Count(report.Faces), Count(report.Found), Percent(report.Recall), Count(report.Covered), Percent(report.CoveredRecall),
                Count(report.Detections), Percent(report.Precision), Count(report.FalseAlarms)],
        ]);

        html.Append("<h4>By face size (longer side of the true box)</h4>\n");
        Table(html, BySizeClass, ["Face size", "Faces", "Found", "Recall", "Hidden", "Hidden share"],
            report.Buckets.Select(b => (IReadOnlyList<string>)[b.Label, Count(b.Faces), Count(b.Found), Percent(b.Recall), Count(b.Covered), Percent(b.CoveredRecall)]));

        html.Append("<h4>By labelled set</h4>\n");
        Table(html, BySetClass, ["Set", "Photos", "Faces", "Recall", "Hidden share", "Precision", "False alarms"],
            report.Images.GroupBy(i => i.SetName).Select(set =>
            {
                var part = new EvaluationReport(set.ToList(), report.Options);
                return (IReadOnlyList<string>)[set.Key, Count(part.Images.Count), Count(part.Faces), Percent(part.Recall), Percent(part.CoveredRecall),
                    Percent(part.Precision), Count(part.FalseAlarms)];
            }));

        var missed = report.MissedFaces.ToList();
        html.Append("<p class=\"muted\">Difficult faces are left out of the counts. Hidden: at least 90 % of the true box lies under one mask ")
            .Append("(the privacy measure). A false alarm is a detection that overlaps no true face.</p>\n");
        if (missed.Count > 0)
        {
            html.Append("<h4>Missed faces (no detection at IoU ≥ 0.5)</h4>\n");
            Table(html, "fg-missed", ["Photo", "Box (x, y, w, h)", "Size", "Hidden anyway"],
                missed.Take(MaxMissedListed).Select(m => (IReadOnlyList<string>)[
                    $"{m.Image.SetName}/{m.Image.Image.File}", $"{m.Face.X}, {m.Face.Y}, {m.Face.Width}, {m.Face.Height}",
                    $"{m.Face.Size} px", m.Image.Match.Covered.Contains(m.Face) ? "yes" : "no"]),
                numeric: false);
            if (missed.Count > MaxMissedListed)
            {
                html.Append("<p class=\"muted\">… and ").Append(Count(missed.Count - MaxMissedListed)).Append(" more.</p>\n");
            }
        }
    });
}
