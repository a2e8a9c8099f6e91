using System.ComponentModel;
using System.Globalization;
using FaceGuard.Analysis;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FaceGuard.Cli.Commands;

public sealed class ReportCommand(IAnsiConsole console) : Command<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<CSV>")]
        [Description("A request log: ours, or the classic script's performance_log.csv; or Locust's own --csv history (…_stats_history.csv), reported as aggregated.")]
        public string Log { get; init; } = "";

        [CommandOption("--baseline <CSV>")]
        [Description("A baseline run to compare against.")]
        public string? Baseline { get; init; }

        [CommandOption("-o|--output <HTML>")]
        [Description("The report to write. Default: beside the log, .html.")]
        public string? Output { get; init; }

        [CommandOption("--latency-threshold <MS>")]
        [Description("Alert when a request takes longer.")]
        [DefaultValue(AlertThresholds.DefaultLatencyMs)]
        public double LatencyThreshold { get; init; } = AlertThresholds.DefaultLatencyMs;

        [CommandOption("--memory-threshold <MB>")]
        [Description("Alert when the service's resident memory is above.")]
        [DefaultValue(AlertThresholds.DefaultMemoryMb)]
        public double MemoryThreshold { get; init; } = AlertThresholds.DefaultMemoryMb;

        [CommandOption("--latency-band <LOW-HIGH>")]
        [Description("The latency a healthy service stays within, in ms; requests outside it are a warning.")]
        [DefaultValue("200-400")]
        public string LatencyBand { get; init; } = "200-400";

        [CommandOption("--cpu-fluctuation <PERCENT>")]
        [Description("How far CPU may swing around its own mean over the measured phase, ± percent.")]
        [DefaultValue(AlertThresholds.DefaultCpuFluctuationPercent)]
        public double CpuFluctuation { get; init; } = AlertThresholds.DefaultCpuFluctuationPercent;

        public override ValidationResult Validate()
        {
            if (!File.Exists(Log)) return ValidationResult.Error($"No log at {Log}.");
            if (Baseline is not null && !File.Exists(Baseline)) return ValidationResult.Error($"No baseline at {Baseline}.");
            if (Baseline is not null && LocustHistory.IsStatsHistory(Log))
                return ValidationResult.Error("--baseline compares request-by-request logs; Locust's stats history is aggregated per second.");
            foreach (var (option, value) in new[] { ("--latency-threshold", LatencyThreshold), ("--memory-threshold", MemoryThreshold), ("--cpu-fluctuation", CpuFluctuation) })
            {
                if (!(double.IsFinite(value) && value > 0)) return ValidationResult.Error($"{option} must be a positive number; got {value.ToString(CultureInfo.InvariantCulture)}.");
            }
            try
            {
                _ = Band.Parse(LatencyBand);
                return ValidationResult.Success();
            }
            catch (FormatException e)
            {
                return ValidationResult.Error($"--latency-band: {e.Message}");
            }
        }

        public AlertThresholds Thresholds() => new(LatencyThreshold, MemoryThreshold)
        {
            LatencyBandMs = Band.Parse(LatencyBand),
            CpuFluctuationPercent = CpuFluctuation,
        };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (LocustHistory.IsStatsHistory(settings.Log)) return LocustHistoryReportOf(settings);
        var run = RunFiles.Load(settings.Log);
        var analysis = RunAnalysis.Of(run, settings.Thresholds());
        var comparison = settings.Baseline is { } baseline ? RunComparison.Of(RunFiles.Load(baseline), run) : null;
        string output = settings.Output ?? Path.ChangeExtension(settings.Log, ".html");
        HtmlReport.Save(output, analysis, run, comparison);

        RunSummary.Print(console, analysis);
        if (comparison is not null) console.MarkupLine(Markup.Escape(comparison.Summary));
        console.MarkupLine($"Report [blue]{Markup.Escape(output)}[/] (self-contained, opens offline)");
        return 0;
    }

    private int LocustHistoryReportOf(Settings settings)
    {
        var history = LocustHistory.Read(settings.Log);
        string output = settings.Output ?? Path.ChangeExtension(settings.Log, ".html");
        LocustHistoryReport.Save(output, history);
        var final = history.Final;
        console.MarkupLine($"[yellow]{Markup.Escape(LocustHistory.Label)}.[/]");
        console.MarkupLine(final is null
            ? "No requests in this history."
            : Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{final.TotalRequests} requests, {final.TotalFailures} failed, over {history.DurationS:0} s; Locust's p50 {final.P50Ms} ms, p95 {final.P95Ms} ms, p99 {final.P99Ms} ms at the end.")));
        console.MarkupLine($"Report [blue]{Markup.Escape(output)}[/] (self-contained, opens offline)");
        return 0;
    }
}
