using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text.Json;
using FaceGuard.Analysis.Batches;
using FaceGuard.Engine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FaceGuard.Cli.Commands;

public sealed class BlurCommand(IAnsiConsole console) : Command<BlurCommand.Settings>
{
    public sealed class Settings : AnonymizeSettings
    {
        [CommandArgument(0, "<INPUT>")]
        [Description("A photo, or a folder searched recursively for .jpg, .jpeg, .png and .webp files.")]
        public string Input { get; init; } = "";

        [CommandOption("-o|--output <PATH>")]
        [Description("Output file (for one photo) or folder (for a folder; sub-folders are mirrored). Default: beside the input, '.blurred' added.")]
        public string? Output { get; init; }

        [CommandOption("--json <PATH>")]
        [Description("Write what was found in each photo (size, faces, timings) to this JSON file.")]
        public string? Json { get; init; }

        [CommandOption("--parallel <N>")]
        [Description("Photos processed at once. Default: the number of cores.")]
        public int? Parallel { get; init; }

        public override ValidationResult Validate()
        {
            if (!File.Exists(Input) && !Directory.Exists(Input)) return ValidationResult.Error($"No such file or folder: {Input}");
            if (Parallel is < 1) return ValidationResult.Error("--parallel must be at least 1.");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var jobs = PhotoBatch.Plan(settings.Input, settings.Output, settings.Format);
        if (jobs.Count == 0)
        {
            console.MarkupLine($"[yellow]No photos found in {Markup.Escape(settings.Input)}.[/]");
            return 1;
        }

        var engine = new FaceAnonymizer();
        var reports = new ConcurrentBag<ImageReport>();
        void Process(PhotoJob job) => reports.Add(Run(engine, job, settings));

        if (jobs.Count == 1) Process(jobs[0]);
        else
        {
            console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask($"Blurring {jobs.Count} photos", maxValue: jobs.Count);
                    var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Parallel ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
                    System.Threading.Tasks.Parallel.ForEach(jobs, parallel, job =>
                    {
                        Process(job);
                        task.Increment(1);
                    });
                });
        }

        var ordered = reports.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        var names = jobs.ToDictionary(j => j.Input, j => j.Name);
        PrintSummary(ordered, names);
        if (settings.Json is { } jsonPath)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(ordered, ImageReport.JsonOptions));
            console.MarkupLine($"Detections written to [blue]{Markup.Escape(jsonPath)}[/]");
        }
        return ordered.Any(r => r.Error is not null) ? 1 : 0;
    }

    private static ImageReport Run(FaceAnonymizer engine, PhotoJob job, Settings settings)
    {
        try
        {
            var result = engine.Anonymize(File.ReadAllBytes(job.Input), settings.ToOptions(job.Format));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(job.Output))!);
            File.WriteAllBytes(job.Output, result.Image);
            return ImageReport.From(job, result);
        }
        catch (Exception e) when (e is FaceGuardException or IOException or UnauthorizedAccessException)
        {
            return ImageReport.Failed(job, e.Message);
        }
    }

    private void PrintSummary(IReadOnlyList<ImageReport> reports, IReadOnlyDictionary<string, string> names)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("photo").AddColumn("size").AddColumn(new TableColumn("faces").RightAligned())
            .AddColumn(new TableColumn("decode ms").RightAligned()).AddColumn(new TableColumn("detect ms").RightAligned())
            .AddColumn(new TableColumn("mask ms").RightAligned()).AddColumn(new TableColumn("encode ms").RightAligned());
        foreach (var r in reports)
        {
            if (r.Error is not null)
            {
                table.AddRow(Markup.Escape(names[r.Path]), "[red]failed[/]", "", "", "", "", Markup.Escape(r.Error));
                continue;
            }
            var t = r.Timings!;
            table.AddRow(Markup.Escape(names[r.Path]), $"{r.Width}x{r.Height}", r.Faces.Count.ToString(),
                $"{t.DecodeMs:0.0}", $"{t.DetectMs:0.0}", $"{t.MaskMs:0.0}", $"{t.EncodeMs:0.0}");
        }
        console.Write(table);
        var ok = reports.Where(r => r.Error is null).ToList();
        if (ok.Count > 0)
            console.MarkupLine($"{ok.Count} photo(s), {ok.Sum(r => r.Faces.Count)} face(s) masked, mean {ok.Average(r => r.Timings!.TotalMs):0.0} ms a photo in the engine.");
        int failed = reports.Count - ok.Count;
        if (failed > 0) console.MarkupLine($"[red]{failed} photo(s) could not be processed.[/]");
    }
}
