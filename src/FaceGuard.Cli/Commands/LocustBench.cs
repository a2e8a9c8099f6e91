using FaceGuard.Analysis;
using FaceGuard.Analysis.LoadTests;
using Spectre.Console;

namespace FaceGuard.Cli.Commands;

/// <summary>`faceguard bench --engine locust`: Locust sends, everything after is the same as for our own runner.</summary>
internal sealed class LocustBench(IAnsiConsole console)
{
    public async Task<int> RunAsync(BenchCommand.Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToLocustOptions();
        var (csv, html) = BenchCommand.OutputPaths(settings, options.Name);
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
        BenchCommand.SaveAndSummarize(console, run, csv, html);
        console.MarkupLine(Markup.Escape(Accounting(result)));
        console.MarkupLine($"Driven by Locust {Markup.Escape(run.Manifest?.Generator?.Version ?? "?")}. Log [blue]{Markup.Escape(csv)}[/] (+ .resources.csv, .manifest.json), " +
                           $"report [blue]{Markup.Escape(html)}[/], Locust's own files in [blue]{Markup.Escape(result.OutputFolder)}[/]");
        if (result.Complete || run.Manifest?.Cancelled == true) return 0;
        console.MarkupLine("[red]The log does not hold every request Locust counted; see the processes' logs in the folder above.[/]");
        return 1;
    }

    private static string Accounting(LocustResult result) =>
        $"Locust counted {result.LocustStatistics?.Requests.ToString() ?? "no"} requests; the log has {result.Rows} rows from {result.RowsReceivedByWorker.Count} worker(s), " +
        $"{result.RowsLost} lost on the way.";
}
