using System.ComponentModel;
using FaceGuard.Analysis;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Reports;
using FaceGuard.Analysis.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FaceGuard.Cli.Commands;

public sealed class CompareCommand(IAnsiConsole console) : Command<CompareCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<BASELINE>")]
        [Description("The baseline run's request log.")]
        public string Baseline { get; init; } = "";

        [CommandArgument(1, "<CURRENT>")]
        [Description("The current run's request log.")]
        public string Current { get; init; } = "";

        [CommandOption("-o|--output <HTML>")]
        [Description("Also write the current run's report with the comparison.")]
        public string? Output { get; init; }

        [CommandOption("--fail-on-slower")]
        [Description("Exit with code 3 when the current run is slower (for CI).")]
        public bool FailOnSlower { get; init; }

        public override ValidationResult Validate() =>
            !File.Exists(Baseline) ? ValidationResult.Error($"No log at {Baseline}.")
            : !File.Exists(Current) ? ValidationResult.Error($"No log at {Current}.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var baseline = RunFiles.Load(settings.Baseline);
        var current = RunFiles.Load(settings.Current);
        var comparison = RunComparison.Of(baseline, current);

        var c = comparison.Comparison;
        var table = new Table().Border(TableBorder.Simple).AddColumns("", "baseline", "current", "ratio", "95 % CI");
        table.AddRow("median ms", $"{c.BaselineMedianMs:0.0}", $"{c.CurrentMedianMs:0.0}", $"{c.MedianRatio:0.000}", $"{c.MedianRatioCi.Lower:0.000}–{c.MedianRatioCi.Upper:0.000}");
        table.AddRow("p95 ms", $"{c.BaselineP95Ms:0.0}", $"{c.CurrentP95Ms:0.0}", $"{c.P95Ratio:0.000}", $"{c.P95RatioCi.Lower:0.000}–{c.P95RatioCi.Upper:0.000}");
        console.Write(table);
        string color = comparison.Verdict switch { ComparisonVerdict.Slower => "red", ComparisonVerdict.Faster => "green", _ => "blue" };
        console.MarkupLine($"[{color}]{comparison.Verdict}[/]: {Markup.Escape(comparison.Summary)} (Mann-Whitney U = {c.MannWhitneyU:0}).");

        if (settings.Output is { } output)
        {
            HtmlReport.Save(output, RunAnalysis.Of(current), current, comparison);
            console.MarkupLine($"Report [blue]{Markup.Escape(output)}[/]");
        }
        return settings.FailOnSlower && comparison.Verdict == ComparisonVerdict.Slower ? 3 : 0;
    }
}
