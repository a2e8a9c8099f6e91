using FaceGuard.Analysis;
using FaceGuard.Analysis.LoadTests;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Reports;
using Spectre.Console;

namespace FaceGuard.Cli.Commands;

/// <summary>`faceguard bench --engine locust`: Locust sends, everything after is the same as for our own runner.</summary>
internal sealed class LocustBench(IAnsiConsole console)
{
    public async Task<int> RunAsync(BenchCommand.Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToLocustOptions();
        string csv = settings.Out ?? Path.Combine("logs", $"{options.Name}-{DateTime.Now:yyyyMMdd-HHmmss}.csv");
        string html = settings.Report ?? Path.ChangeExtension(csv, ".html");
        // Locust's own files (its --csv statistics, the rows as they arrived, each process's log) beside the log.
        options = options with { OutputFolder = Path.ChangeExtension(csv, ".locust") };
        string images = settings.Images ?? DataFolder.Resolve("images/photos");

        LocustResult result;
        using (var stop = new CtrlCStop(cancellationToken))
        {
            console.MarkupLine($"Target [blue]{Markup.Escape(settings.Target)}[/], photos from {Markup.Escape(images)}, {Markup.Escape(options.Shape)}, {options.Warmup} warm-up.");
            result = await console.Status().StartAsync($"Locust: {options.Users} users on {options.Workers} worker(s) for {options.RunSeconds} s…",
                _ => LocustRun.RunAsync(new Uri(settings.Target), images, options, settings.Pid, stop.Token));
        }

        var run = result.Run;
        if (run.Manifest?.WatchedProcessId is null)
            console.MarkupLine($"[yellow]Not sampling CPU and memory: {Markup.Escape(run.Manifest?.WatchedProcess ?? "no process")}.[/]");
        RunFiles.Save(run, csv);
        var analysis = RunAnalysis.Of(run);
        HtmlReport.Save(html, analysis, run);

        bool cancelled = run.Manifest?.Cancelled == true;
        if (cancelled) console.MarkupLine("[yellow]Stopped early; saved what was measured.[/]");
        RunSummary.Print(console, analysis);
        console.MarkupLine(Markup.Escape(Accounting(result)));
        console.MarkupLine($"Driven by Locust {Markup.Escape(run.Manifest?.Generator?.Version ?? "?")}. Log [blue]{Markup.Escape(csv)}[/] (+ .resources.csv, .manifest.json), " +
                           $"report [blue]{Markup.Escape(html)}[/], Locust's own files in [blue]{Markup.Escape(result.OutputFolder)}[/]");
        if (result.Complete || cancelled) return 0;
        console.MarkupLine("[red]The log does not hold every request Locust counted; see the processes' logs in the folder above.[/]");
        return 1;
    }

    private static string Accounting(LocustResult result) =>
        $"Locust counted {result.LocustStatistics?.Requests.ToString() ?? "no"} requests; the log has {result.Rows} rows from {result.RowsReceivedByWorker.Count} worker(s), " +
        $"{result.RowsLost} lost on the way.";
}
