using FaceGuard.Analysis;
using Spectre.Console;

namespace FaceGuard.Cli.Commands;

/// <summary>Prints a run's analysis to the console: the describe table, throughput and the verdicts.</summary>
internal static class RunSummary
{
    public static void Print(IAnsiConsole console, RunAnalysis analysis)
    {
        var d = analysis.LatencyMs;
        var table = new Table().Border(TableBorder.Simple).Title($"[bold]{Markup.Escape(analysis.Name)}[/]: latency of {analysis.Succeeded} successful requests (ms)")
            .AddColumns("count", "mean", "std", "min", "25%", "50%", "75%", "max", "p95", "p99");
        foreach (var column in table.Columns.Skip(1)) column.RightAligned();
        table.AddRow(d.Count.ToString(), F(d.Mean), F(d.StdDev), F(d.Min), F(d.P25), F(d.Median), F(d.P75), F(d.Max), F(d.P95), F(d.P99));
        console.Write(table);
        if (analysis.Requests > 0)
            console.MarkupLine($"Throughput {analysis.ThroughputRps:0.00} requests/s over {analysis.WallTimeS:0.0} s, " +
                                   $"{analysis.Failures} failed of {analysis.Requests} ({analysis.ErrorRate:P1}), {analysis.WarmupRequests} warm-up.");
        foreach (var verdict in analysis.Verdicts)
        {
            string color = verdict.Severity switch { Severity.Alert => "red", Severity.Warning => "yellow", _ => "green" };
            console.MarkupLine($"[{color}]{verdict.Severity,-7}[/] {Markup.Escape(verdict.Text)}");
        }
    }

    private static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
