using System.ComponentModel;
using FaceGuard.Analysis;
using FaceGuard.Engine;
using FaceGuard.Engine.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FaceGuard.Cli.Commands;

public sealed class EvalCommand : Command<EvalCommand.Settings>
{
    /// <summary>Floors measured on the committed sets with the default options (see README, "Detection quality").</summary>
    public const double DefaultMinRecall = 0.95;
    public const double DefaultMinCovered = 0.95;

    public sealed class Settings : AnonymizeSettings
    {
        [CommandOption("--set <FOLDER>")]
        [Description("A labelled set: a folder with photos and faces.json. Repeatable. Default: data/images/photos and data/images/synthetic.")]
        public string[] Sets { get; init; } = [];

        [CommandOption("--min-recall <R>")]
        [Description("Exit with code 2 if recall at IoU 0.5 is below this.")]
        [DefaultValue(DefaultMinRecall)]
        public double MinRecall { get; init; } = DefaultMinRecall;

        [CommandOption("--min-covered <R>")]
        [Description("Exit with code 2 if the share of faces hidden by a mask is below this.")]
        [DefaultValue(DefaultMinCovered)]
        public double MinCovered { get; init; } = DefaultMinCovered;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var folders = settings.Sets.Length > 0 ? settings.Sets : [DataFolder.Resolve("images/photos"), DataFolder.Resolve("images/synthetic")];
        var sets = folders.Select(LabelledSet.Load).ToList();
        var engine = new FaceAnonymizer();
        engine.WarmUp(settings.ToDetectionOptions());

        EvaluationReport report = null!;
        AnsiConsole.Progress().Start(progress =>
        {
            var task = progress.AddTask("Detecting", maxValue: sets.Sum(s => s.Images.Count));
            report = DetectionEvaluation.Run(engine, sets, settings.ToDetectionOptions(), settings.ToOptions(OutputFormat.Jpeg).Mask,
                new SynchronousProgress<ImageEvaluation>(_ => task.Increment(1)));
        });

        Print(report, sets);
        bool recallOk = report.Recall >= settings.MinRecall;
        bool coveredOk = report.CoveredRecall >= settings.MinCovered;
        if (!recallOk) AnsiConsole.MarkupLine($"[red]Recall {report.Recall:P1} is below the floor of {settings.MinRecall:P1}.[/]");
        if (!coveredOk) AnsiConsole.MarkupLine($"[red]Only {report.CoveredRecall:P1} of faces were hidden; the floor is {settings.MinCovered:P1}.[/]");
        return recallOk && coveredOk ? 0 : 2;
    }

    private static void Print(EvaluationReport report, IReadOnlyList<LabelledSet> sets)
    {
        var o = report.Options;
        AnsiConsole.MarkupLine($"Sets: {string.Join(", ", sets.Select(s => $"{s.Name} ({s.Images.Count} photos)"))}");
        AnsiConsole.MarkupLine($"Model {o.Model}, sensitivity {o.Sensitivity}, threshold {o.MinScore}");

        var table = new Table().Border(TableBorder.Simple).AddColumn("face size")
            .AddColumn(new TableColumn("faces").RightAligned()).AddColumn(new TableColumn("found (IoU≥0.5)").RightAligned())
            .AddColumn(new TableColumn("recall").RightAligned()).AddColumn(new TableColumn("hidden by a mask").RightAligned());
        foreach (var b in report.Buckets)
            table.AddRow(b.Label, b.Faces.ToString(), b.Found.ToString(), $"{b.Recall:P1}", $"{b.CoveredRecall:P1}");
        table.AddRow("[bold]all[/]", report.Faces.ToString(), report.Found.ToString(), $"[bold]{report.Recall:P1}[/]", $"[bold]{report.CoveredRecall:P1}[/]");
        AnsiConsole.Write(table);

        AnsiConsole.MarkupLine($"Precision {report.Precision:P1} ({report.Detections} detections, {report.Unmatched} not matching a face at IoU 0.5, " +
                               $"{report.FalseAlarms} on no face at all). Mean detection time {report.MeanDetectMs:0.0} ms a photo.");
        foreach (var (image, face) in report.MissedFaces)
            AnsiConsole.MarkupLine($"[yellow]missed[/] {Markup.Escape(image.SetName)}/{Markup.Escape(image.Image.File)} at {face.X},{face.Y} {face.Width}x{face.Height}");
        foreach (var (image, face) in report.UncoveredFaces.Except(report.MissedFaces))
            AnsiConsole.MarkupLine($"[yellow]found but not hidden[/] {Markup.Escape(image.SetName)}/{Markup.Escape(image.Image.File)} at {face.X},{face.Y} {face.Width}x{face.Height}");
        foreach (var image in report.Images)
        foreach (var alarm in image.Match.FalseAlarms)
            AnsiConsole.MarkupLine($"[grey]false alarm[/] {Markup.Escape(image.SetName)}/{Markup.Escape(image.Image.File)} at {alarm.Box.X:0},{alarm.Box.Y:0} {alarm.Box.Width:0}x{alarm.Box.Height:0} score {alarm.Score:0.00}");
    }
}
