using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text.Json;
using FaceGuard.Engine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FaceGuard.Cli.Commands;

public sealed class BlurCommand : Command<BlurCommand.Settings>
{
    private static readonly string[] InputExtensions = [".jpg", ".jpeg", ".png", ".webp"];

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
        var jobs = PlanJobs(settings);
        if (jobs.Count == 0)
        {
            AnsiConsole.MarkupLine($"[yellow]No photos found in {Markup.Escape(settings.Input)}.[/]");
            return 1;
        }

        var engine = new FaceAnonymizer();
        var reports = new ConcurrentBag<ImageReport>();
        void Process(BlurJob job) => reports.Add(Run(engine, job, settings));

        if (jobs.Count == 1) Process(jobs[0]);
        else
        {
            AnsiConsole.Progress()
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
            AnsiConsole.MarkupLine($"Detections written to [blue]{Markup.Escape(jsonPath)}[/]");
        }
        return ordered.Any(r => r.Error is not null) ? 1 : 0;
    }

    private static ImageReport Run(FaceAnonymizer engine, BlurJob job, Settings settings)
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

    private static List<BlurJob> PlanJobs(Settings settings)
    {
        if (File.Exists(settings.Input))
        {
            var format = settings.Format ?? FormatOf(settings.Output) ?? OutputFormat.Jpeg;
            string output = settings.Output is { } o && Directory.Exists(o)
                ? Path.Combine(o, OutputName(Path.GetFileName(settings.Input), format))
                : settings.Output ?? Path.Combine(Path.GetDirectoryName(settings.Input) ?? ".", OutputName(Path.GetFileName(settings.Input), format, ".blurred"));
            return [new BlurJob(settings.Input, output, format, Path.GetFileName(settings.Input))];
        }

        string root = Path.GetFullPath(settings.Input);
        string outputRoot = settings.Output ?? Path.TrimEndingDirectorySeparator(root) + "-blurred";
        var folderFormat = settings.Format ?? OutputFormat.Jpeg;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => InputExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Where(f => !f.StartsWith(Path.GetFullPath(outputRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                string relative = Path.GetRelativePath(root, f);
                string output = Path.Combine(outputRoot, Path.GetDirectoryName(relative) ?? "", OutputName(Path.GetFileName(f), folderFormat));
                return new BlurJob(Path.Combine(settings.Input, relative), output, folderFormat, relative);
            })
            .ToList();
    }

    private static string OutputName(string inputName, OutputFormat format, string suffix = "") =>
        Path.GetFileNameWithoutExtension(inputName) + suffix + (format == OutputFormat.Png ? ".png" : ".jpg");

    private static OutputFormat? FormatOf(string? path) => Path.GetExtension(path)?.ToLowerInvariant() switch
    {
        ".png" => OutputFormat.Png,
        ".jpg" or ".jpeg" => OutputFormat.Jpeg,
        _ => null,
    };

    private static void PrintSummary(IReadOnlyList<ImageReport> reports, IReadOnlyDictionary<string, string> names)
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
        AnsiConsole.Write(table);
        var ok = reports.Where(r => r.Error is null).ToList();
        if (ok.Count > 0)
            AnsiConsole.MarkupLine($"{ok.Count} photo(s), {ok.Sum(r => r.Faces.Count)} face(s) masked, mean {ok.Average(r => r.Timings!.TotalMs):0.0} ms a photo in the engine.");
        int failed = reports.Count - ok.Count;
        if (failed > 0) AnsiConsole.MarkupLine($"[red]{failed} photo(s) could not be processed.[/]");
    }
}

/// <param name="Name">How the photo is shown in the summary: its path inside the input folder.</param>
internal sealed record BlurJob(string Input, string Output, OutputFormat Format, string Name);
