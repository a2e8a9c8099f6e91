using System.ComponentModel;
using FaceGuard.Analysis;
using FaceGuard.Engine;
using FaceGuard.Analysis.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FaceGuard.Cli.Commands;

public sealed class EvalCommand(IAnsiConsole console) : Command<EvalCommand.Settings>
{
    /// <summary>Floors measured on the committed sets with the default options (see README, "Detection quality"):
    /// every face from 32 px up, and the default's promise for smaller ones.</summary>
    public const double DefaultMinRecall = 0.98;
    public const double DefaultMinCovered = 0.98;
    public const double DefaultMinSmallRecall = 0.55;

    /// <summary>The committed labelled sets.</summary>
    public static readonly string[] DefaultSets = ["images/photos", "images/synthetic", "images/heldout", "images/benchmark"];

    public sealed class Settings : AnonymizeSettings
    {
        [CommandOption("--set <FOLDER>")]
        [Description("A labelled set: a folder with photos and faces.json. Repeatable. Default: every set under data/images.")]
        public string[] Sets { get; init; } = [];

        [CommandOption("--compare")]
        [Description("Run every detector at both sensitivities and print them side by side (ignores --model and --sensitivity).")]
        public bool Compare { get; init; }

        [CommandOption("--min-recall <R>")]
        [Description("Exit with code 2 if recall (IoU 0.5) of faces of 32 px and more is below this.")]
        [DefaultValue(DefaultMinRecall)]
        public double MinRecall { get; init; } = DefaultMinRecall;

        [CommandOption("--min-covered <R>")]
        [Description("Exit with code 2 if the share of faces of 32 px and more hidden by a mask is below this.")]
        [DefaultValue(DefaultMinCovered)]
        public double MinCovered { get; init; } = DefaultMinCovered;

        [CommandOption("--min-small-recall <R>")]
        [Description("Exit with code 2 if recall of faces under 32 px is below this.")]
        [DefaultValue(DefaultMinSmallRecall)]
        public double MinSmallRecall { get; init; } = DefaultMinSmallRecall;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var folders = settings.Sets.Length > 0 ? settings.Sets : DefaultSets.Select(DataFolder.Resolve);
        var sets = folders.Select(LabelledSet.Load).ToList();
        var mask = settings.ToOptions(OutputFormat.Jpeg).Mask;
        var runs = settings.Compare
            ? (from model in Enum.GetValues<DetectorModel>()
               from sensitivity in Enum.GetValues<Sensitivity>()
               select settings.ToDetectionOptions() with { Model = model, Sensitivity = sensitivity, ScoreThreshold = settings.Threshold }).ToList()
            : [settings.ToDetectionOptions()];

        var engine = new FaceAnonymizer();
        var reports = new List<EvaluationReport>();
        console.Progress().Start(progress =>
        {
            var task = progress.AddTask("Detecting", maxValue: runs.Count * sets.Sum(s => s.Images.Count));
            foreach (var options in runs)
            {
                engine.WarmUp(options);
                reports.Add(DetectionEvaluation.Run(engine, sets, options, mask, new SynchronousProgress<ImageEvaluation>(_ => task.Increment(1))));
            }
        });

        console.MarkupLine($"Sets: {string.Join(", ", sets.Select(s => $"{s.Name} ({s.Images.Count} photos, {s.Images.Sum(i => i.Faces.Count(f => !f.Difficult))} faces)"))}");
        if (settings.Compare)
        {
            PrintSideBySide(reports);
            return 0;
        }

        var report = reports[0];
        Print(report, sets);
        var floors = new (string What, double Value, double Floor)[]
        {
            ("Recall of faces of 32 px and more", Share(report, b => b.Found, large: true), settings.MinRecall),
            ("The share of faces of 32 px and more hidden by a mask", Share(report, b => b.Covered, large: true), settings.MinCovered),
            ("Recall of faces under 32 px", Share(report, b => b.Found, large: false), settings.MinSmallRecall),
        };
        foreach (var (what, value, floor) in floors.Where(f => f.Value < f.Floor))
            console.MarkupLine($"[red]{what} is {value:P1}, below the floor of {floor:P1}.[/]");
        return floors.All(f => f.Value >= f.Floor) ? 0 : 2;
    }

    /// <summary>Share of the non-difficult faces of 32 px and more (or under 32 px) that <paramref name="count"/> counts; 1 when there are none.</summary>
    private static double Share(EvaluationReport report, Func<BucketRecall, int> count, bool large)
    {
        var buckets = report.Buckets.Where(b => (b.Bucket != FaceSizeBucket.Small) == large).ToList();
        int faces = buckets.Sum(b => b.Faces);
        return faces == 0 ? 1 : (double)buckets.Sum(count) / faces;
    }

    private void PrintSideBySide(IReadOnlyList<EvaluationReport> reports)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("detector").NoWrap()).AddColumn(new TableColumn("sensitivity").NoWrap());
        foreach (var bucket in reports[0].Buckets) table.AddColumn(new TableColumn(Markup.Escape(bucket.Label.Replace(" px", ""))).RightAligned().NoWrap());
        table.AddColumn(new TableColumn("hidden").RightAligned().NoWrap()).AddColumn(new TableColumn("alarms").RightAligned())
            .AddColumn(new TableColumn("ms").RightAligned());
        foreach (var report in reports)
        {
            var o = report.Options;
            table.AddRow([
                o.Model == DetectorModel.BlazeFaceShortRange ? "BlazeFace short" : o.Model.ToString(), o.Sensitivity.ToString().ToLowerInvariant(),
                .. report.Buckets.Select(b => $"{b.Found}/{b.Faces}"),
                $"{report.CoveredRecall:P1}", report.FalseAlarms.ToString(), $"{report.MeanDetectMs:0}",
            ]);
        }
        console.Write(table);
        console.MarkupLine("Faces found (IoU ≥ 0.5) by size in px; hidden: share of all faces ≥ 90 % under a mask; alarms: masks on no face at all; ms: mean detection time a photo on this machine.");
    }

    private void Print(EvaluationReport report, IReadOnlyList<LabelledSet> sets)
    {
        var o = report.Options;
        console.MarkupLine($"Model {o.Model}, sensitivity {o.Sensitivity}, threshold {o.MinScore}");

        var table = new Table().Border(TableBorder.Simple).AddColumn("face size")
            .AddColumn(new TableColumn("faces").RightAligned()).AddColumn(new TableColumn("found (IoU≥0.5)").RightAligned())
            .AddColumn(new TableColumn("recall").RightAligned()).AddColumn(new TableColumn("hidden by a mask").RightAligned());
        foreach (var b in report.Buckets)
            table.AddRow(b.Label, b.Faces.ToString(), b.Found.ToString(), $"{b.Recall:P1}", $"{b.CoveredRecall:P1}");
        table.AddRow("[bold]all[/]", report.Faces.ToString(), report.Found.ToString(), $"[bold]{report.Recall:P1}[/]", $"[bold]{report.CoveredRecall:P1}[/]");
        console.Write(table);

        if (sets.Count > 1)
        {
            foreach (var set in sets)
            {
                var images = report.Images.Where(i => i.SetName == set.Name).ToList();
                var part = report with { Images = images };
                console.MarkupLine($"  {Markup.Escape(set.Name)}: {part.Found}/{part.Faces} found, {part.Covered}/{part.Faces} hidden, {part.FalseAlarms} false alarms");
            }
        }
        console.MarkupLine($"Precision {report.Precision:P1} ({report.Detections} detections, {report.Unmatched} not matching a face at IoU 0.5, " +
                               $"{report.FalseAlarms} on no face at all). Mean detection time {report.MeanDetectMs:0.0} ms a photo.");
        foreach (var (image, face) in report.MissedFaces)
            console.MarkupLine($"[yellow]missed[/] {Markup.Escape(image.SetName)}/{Markup.Escape(image.Image.File)} at {face.X},{face.Y} {face.Width}x{face.Height}");
        foreach (var (image, face) in report.UncoveredFaces.Except(report.MissedFaces))
            console.MarkupLine($"[yellow]found but not hidden[/] {Markup.Escape(image.SetName)}/{Markup.Escape(image.Image.File)} at {face.X},{face.Y} {face.Width}x{face.Height}");
        foreach (var image in report.Images)
        foreach (var alarm in image.Match.FalseAlarms)
            console.MarkupLine($"[grey]false alarm[/] {Markup.Escape(image.SetName)}/{Markup.Escape(image.Image.File)} at {alarm.Box.X:0},{alarm.Box.Y:0} {alarm.Box.Width:0}x{alarm.Box.Height:0} score {alarm.Score:0.00}");
    }
}
