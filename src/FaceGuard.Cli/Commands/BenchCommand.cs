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

        [CommandOption("--engine <ENGINE>")]
        [Description("Who sends the requests: 'faceguard' (our own runner) or 'locust' (a headless Locust master and --workers local workers, for load beyond one machine; needs a --target URL and Debian's python3-locust).")]
        [DefaultValue(FaceGuardEngine)]
        public string Engine { get; init; } = FaceGuardEngine;

        [CommandOption("--workers <N>")]
        [Description("--engine locust: local Locust worker processes. Default: 1.")]
        public int? Workers { get; init; }

        [CommandOption("--users <U>")]
        [Description("--engine locust: Locust users over all workers, each sending the next photo as soon as the last came back. Default: 2.")]
        public int? Users { get; init; }

        [CommandOption("--spawn-rate <R>")]
        [Description("--engine locust: users started per second. Default: all in the first second.")]
        public double? SpawnRate { get; init; }

        [CommandOption("--remote-workers <N>")]
        [Description("--engine locust: workers you start on other machines (locust -f deploy/locust/locustfile.py --worker --master-host <this machine> --master-port <--master-port> --faceguard-images <photos>); the master waits for them. Needs --master-bind-host and --master-port.")]
        public int? RemoteWorkers { get; init; }

        [CommandOption("--master-bind-host <HOST>")]
        [Description("--engine locust: the interface the master listens on for workers. Default: 127.0.0.1 (local workers only).")]
        public string? MasterBindHost { get; init; }

        [CommandOption("--master-port <PORT>")]
        [Description("--engine locust: the master's port for workers. Default: a free one.")]
        public int? MasterPort { get; init; }

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
        [Description("Open loop: how long to keep the rate; --engine locust: how long the run lasts (whole seconds).")]
        [DefaultValue(10.0)]
        public double Duration { get; init; } = 10;

        [CommandOption("--warmup <N>")]
        [Description("Requests sent first and logged as warm-up, left out of the statistics (--engine locust: the first N sent).")]
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

        public const string FaceGuardEngine = "faceguard";
        public const string LocustEngine = "locust";

        public bool IsLocust => Engine == LocustEngine;

        public override ValidationResult Validate()
        {
            if (Engine is not (FaceGuardEngine or LocustEngine))
                return ValidationResult.Error($"--engine must be '{FaceGuardEngine}' or '{LocustEngine}', not '{Engine}'.");
            if (Target != "embedded" && !Uri.TryCreate(Target, UriKind.Absolute, out _))
                return ValidationResult.Error($"--target must be 'embedded' or a URL such as http://127.0.0.1:8080, not '{Target}'.");
            if (Images is not null && !Path.Exists(Images)) return ValidationResult.Error($"No photo or folder at {Images}.");
            if (OptionsNotFor() is { } misplaced) return ValidationResult.Error(misplaced);
            try
            {
                if (IsLocust) _ = ToLocustOptions();
                else _ = ToLoadTestOptions();
            }
            catch (ArgumentOutOfRangeException e)
            {
                return ValidationResult.Error(FaceGuard.Engine.OptionErrors.Text(e));
            }
            return base.Validate();
        }

        /// <summary>An option given that the chosen engine would ignore: refused rather than silently dropped.</summary>
        private string? OptionsNotFor()
        {
            if (IsLocust)
            {
                if (Target == "embedded") return "--engine locust sends to the service over HTTP: give its URL with --target, e.g. http://127.0.0.1:8080.";
                var ours = new (string Option, bool Given)[]
                {
                    ("-n/--requests", Requests != LoadTestOptions.DefaultRequests), ("--interval", Interval != 0),
                    ("-c/--concurrency", Concurrency != 1), ("--rate", Rate is not null),
                };
                if (RemoteWorkers > 0 && (MasterBindHost is null || MasterPort is null))
                    return "--remote-workers needs --master-bind-host (an interface they can reach) and --master-port (the port they connect to).";
                if (MasterPort is not (null or (> 0 and <= 65535))) return $"--master-port must be a port number, not {MasterPort}.";
                return ours.FirstOrDefault(o => o.Given).Option is { } option
                    ? $"{option} applies to --engine {FaceGuardEngine} only; Locust runs --users for --duration seconds."
                    : null;
            }
            var locust = new (string Option, bool Given)[]
            {
                ("--workers", Workers is not null), ("--users", Users is not null), ("--spawn-rate", SpawnRate is not null),
                ("--remote-workers", RemoteWorkers is not null), ("--master-bind-host", MasterBindHost is not null), ("--master-port", MasterPort is not null),
            };
            return locust.FirstOrDefault(o => o.Given).Option is { } given ? $"{given} applies to --engine {LocustEngine} only." : null;
        }

        public LocustOptions ToLocustOptions() => new()
        {
            Name = Name ?? LocustEngine,
            Workers = Workers ?? LocustOptions.DefaultWorkers,
            Users = Users ?? LocustOptions.DefaultUsers,
            RemoteWorkers = RemoteWorkers ?? 0,
            MasterBindHost = MasterBindHost ?? "127.0.0.1",
            MasterPort = MasterPort,
            SpawnRatePerSecond = SpawnRate,
            Duration = TimeSpan.FromSeconds(Duration),
            Warmup = Warmup,
            Query = OptionsQuery.Format(ToOptions(Format ?? OutputFormat.Jpeg)),
        };

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
        if (settings.IsLocust) return await new LocustBench(console).RunAsync(settings, cancellationToken);
        var images = settings.Images is null ? TestImages.Samples() : TestImages.Load(settings.Images);
        var options = settings.ToLoadTestOptions();
        await using ILoadTarget target = settings.Target == "embedded"
            ? new EmbeddedTarget(settings.ToOptions(settings.Format ?? OutputFormat.Jpeg))
            // The same options, every one of them, as the service's query: the service does the work the embedded engine would.
            : new HttpTarget(new Uri(settings.Target), OptionsQuery.Format(settings.ToOptions(settings.Format ?? OutputFormat.Jpeg)), settings.Pid);

        RunLog run = null!;
        using (var stop = new CtrlCStop(cancellationToken))
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

        var (csv, html) = OutputPaths(settings, options.Name);
        SaveAndSummarize(console, run, csv, html);
        console.MarkupLine($"Log [blue]{Markup.Escape(csv)}[/] (+ .resources.csv, .manifest.json), report [blue]{Markup.Escape(html)}[/]");
        return 0;
    }

    /// <summary>--out and --report, else logs/&lt;name&gt;-&lt;time&gt;.csv and the report beside it.</summary>
    internal static (string Csv, string Html) OutputPaths(Settings settings, string runName)
    {
        string csv = settings.Out ?? Path.Combine("logs", $"{runName}-{DateTime.Now:yyyyMMdd-HHmmss}.csv");
        return (csv, settings.Report ?? Path.ChangeExtension(csv, ".html"));
    }

    /// <summary>What every engine's run ends with: the log, the report, and the summary printed.</summary>
    internal static void SaveAndSummarize(IAnsiConsole console, RunLog run, string csv, string html)
    {
        RunFiles.Save(run, csv);
        var analysis = RunAnalysis.Of(run);
        HtmlReport.Save(html, analysis, run);
        if (run.Manifest?.Cancelled == true) console.MarkupLine("[yellow]Stopped early; saved what was measured.[/]");
        RunSummary.Print(console, analysis);
    }
}
