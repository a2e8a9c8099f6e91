using System.ComponentModel;
using FaceGuard.Analysis;
using FaceGuard.Analysis.LoadTests;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Reports;
using FaceGuard.Analysis.Targets;
using FaceGuard.Engine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FaceGuard.Cli.Commands;

public sealed class BenchCommand(IAnsiConsole console) : AsyncCommand<BenchCommand.Settings>
{
    public sealed class Settings : AnonymizeSettings
    {
        [CommandOption("--target <TARGET>")]
        [Description("'embedded' (the engine in this process, no server needed) or the service's URL, e.g. http://127.0.0.1:8080.")]
        [DefaultValue("embedded")]
        public string Target { get; init; } = "embedded";

        [CommandOption("--images <PATH>")]
        [Description("A photo or a folder of photos to cycle through. Default: the sample photos in data/images/photos.")]
        public string? Images { get; init; }

        [CommandOption("-n|--requests <N>")]
        [Description("Measured requests (closed loop).")]
        [DefaultValue(LoadTestOptions.DefaultRequests)]
        public int Requests { get; init; } = LoadTestOptions.DefaultRequests;

        [CommandOption("--interval <SECONDS>")]
        [Description("Pause after each response, per worker (the classic script's sleep).")]
        [DefaultValue(0.0)]
        public double Interval { get; init; }

        [CommandOption("-c|--concurrency <C>")]
        [Description("Workers sending at the same time (closed loop).")]
        [DefaultValue(1)]
        public int Concurrency { get; init; } = 1;

        [CommandOption("--rate <R>")]
        [Description("Open loop: send R requests per second whatever the service does; latency counts from the intended send time.")]
        public double? Rate { get; init; }

        [CommandOption("--duration <SECONDS>")]
        [Description("Open loop: how long to keep the rate.")]
        [DefaultValue(10.0)]
        public double Duration { get; init; } = 10;

        [CommandOption("--warmup <N>")]
        [Description("Requests sent first and logged as warm-up, left out of the statistics.")]
        [DefaultValue(LoadTestOptions.DefaultWarmup)]
        public int Warmup { get; init; } = LoadTestOptions.DefaultWarmup;

        [CommandOption("--pid <PID>")]
        [Description("The service's process id, when it cannot be found from the URL's port.")]
        public int? Pid { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("Name of the run in logs and reports.")]
        public string? Name { get; init; }

        [CommandOption("-o|--out <CSV>")]
        [Description("Request log to write (the resource log and manifest go beside it). Default: logs/<name>-<time>.csv.")]
        public string? Out { get; init; }

        [CommandOption("--report <HTML>")]
        [Description("HTML report to write. Default: beside the log, same name, .html.")]
        public string? Report { get; init; }

        public override ValidationResult Validate()
        {
            if (Target != "embedded" && !Uri.TryCreate(Target, UriKind.Absolute, out _))
                return ValidationResult.Error($"--target must be 'embedded' or a URL such as http://127.0.0.1:8080, not '{Target}'.");
            if (Images is not null && !Path.Exists(Images)) return ValidationResult.Error($"No photo or folder at {Images}.");
            try
            {
                _ = ToLoadTestOptions();
            }
            catch (ArgumentOutOfRangeException e)
            {
                return ValidationResult.Error(FaceGuard.Engine.OptionErrors.Text(e));
            }
            return base.Validate();
        }

        public LoadTestOptions ToLoadTestOptions() => new()
        {
            Name = Name ?? (Target == "embedded" ? "embedded" : "service"),
            Requests = Requests,
            Interval = TimeSpan.FromSeconds(Interval),
            Concurrency = Concurrency,
            RatePerSecond = Rate,
            Duration = Rate is null ? null : TimeSpan.FromSeconds(Duration),
            Warmup = Warmup,
        };
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var images = settings.Images is null ? TestImages.Samples() : TestImages.Load(settings.Images);
        var options = settings.ToLoadTestOptions();
        await using ILoadTarget target = settings.Target == "embedded"
            ? new EmbeddedTarget(settings.ToOptions(settings.Format ?? OutputFormat.Jpeg))
            // The same options, every one of them, as the service's query: the service does the work the embedded engine would.
            : new HttpTarget(new Uri(settings.Target), OptionsQuery.Format(settings.ToOptions(settings.Format ?? OutputFormat.Jpeg)), settings.Pid);

        // Ctrl+C stops sending and keeps what was measured: the log and report are still written. The handler is in
        // place before the first line is printed, so whoever waits for output before pressing it cannot kill the run.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        RunLog run = null!;
        try
        {
            console.MarkupLine($"Target [blue]{Markup.Escape(target.Description)}[/], {images.Count} photo(s), {Markup.Escape(options.Shape)}, {options.Warmup} warm-up.");
            console.MarkupLine(target.ProcessId is { } pid
                ? $"Watching process {pid} for CPU and memory."
                : $"[yellow]Not sampling CPU and memory: {Markup.Escape(target.WhyNoProcess ?? "no process")}.[/] The log's CPU_Percent and Memory_MB stay empty rather than describe the wrong process.");

            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Requests", maxValue: options.Warmup + options.MeasuredRequests);
                    var reporter = new SynchronousProgress<LoadTestProgress>(p =>
                    {
                        task.Value = p.Completed;
                        task.Description = p.Failed > 0 ? $"Requests ([red]{p.Failed} failed[/])" : "Requests";
                    });
                    run = await LoadTest.RunAsync(target, images, options, reporter, stop.Token);
                });
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        string csv = settings.Out ?? Path.Combine("logs", $"{options.Name}-{DateTime.Now:yyyyMMdd-HHmmss}.csv");
        string html = settings.Report ?? Path.ChangeExtension(csv, ".html");
        RunFiles.Save(run, csv);
        var analysis = RunAnalysis.Of(run);
        HtmlReport.Save(html, analysis, run);

        if (run.Manifest?.Cancelled == true) console.MarkupLine("[yellow]Stopped early; saved what was measured.[/]");
        RunSummary.Print(console, analysis);
        console.MarkupLine($"Log [blue]{Markup.Escape(csv)}[/] (+ .resources.csv, .manifest.json), report [blue]{Markup.Escape(html)}[/]");
        return 0;
    }
}
