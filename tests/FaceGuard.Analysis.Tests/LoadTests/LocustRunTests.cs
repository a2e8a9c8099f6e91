using System.Diagnostics;
using FaceGuard.Analysis.LoadTests;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Reports;
using FaceGuard.Analysis.Tests.Reports;

namespace FaceGuard.Analysis.Tests.LoadTests;

/// <summary>Locust's master and two workers (Debian's python3-locust) against the real service on loopback.</summary>
public class LocustRunTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Master_and_two_workers_land_every_request_in_our_log_from_both_workers_with_nothing_lost()
    {
        var (app, address) = await TestServices.StartFaceGuardAsync();
        await using var _ = app;
        string csv = RepositoryFiles.Artifacts("locust", Guid.NewGuid().ToString("N"), "run.csv");
        string folder = Path.GetDirectoryName(csv)!;
        string photos = Directory.CreateDirectory(Path.Combine(folder, "photos")).FullName;
        foreach (string name in new[] { "astronaut.png", "messi5.jpg" }) File.Copy(TestServices.Photo(name), Path.Combine(photos, name));
        using var timeout = new CancellationTokenSource(Bound);

        var result = await LocustRun.RunAsync(address, photos, new LocustOptions
        {
            // Small photos and one user per worker: enough requests in a few seconds even in this VM's slow phases.
            Name = "locust-test", Workers = 2, Users = 2, Duration = TimeSpan.FromSeconds(6), Warmup = 2,
            Query = "sensitivity=normal", OutputFolder = Path.Combine(folder, "locust"),
        }, cancellationToken: timeout.Token);

        var rows = result.Run.Rows();
        Assert.NotNull(result.LocustStatistics);
        Assert.True(rows.Count >= 6, $"only {rows.Count} requests in 6 s");
        Assert.Equal(result.LocustStatistics.Requests, rows.Count);            // every request Locust counted is a row
        Assert.Equal(2, result.RowsSentByWorker.Count);
        Assert.Equal(0, result.RowsLost);                                       // and every row a worker sent arrived
        Assert.True(result.Complete);
        Assert.Equal(2, rows.Select(r => r.Worker).Distinct().Count());
        Assert.All(rows, r => Assert.False(r.Failed, r.Error));
        Assert.All(rows, r => Assert.Equal(200, r.Status));
        Assert.All(rows, r => Assert.True(r.Stages!.DetectMs > 0, "Server-Timing read"));
        Assert.All(rows.Where(r => r.Image == "astronaut.png"), r => Assert.Equal(1, r.Faces));
        Assert.Equal(Enumerable.Range(1, rows.Count), rows.Select(r => r.RequestId));
        Assert.Equal([true, true], rows.Take(2).Select(r => r.Warmup));
        Assert.All(rows.Skip(2), r => Assert.False(r.Warmup));
        // The service (in this test process) was sampled, not Locust.
        Assert.Equal(Environment.ProcessId, result.Run.Manifest!.WatchedProcessId);
        Assert.Contains(rows, r => r.MemoryMb > 0);
        Assert.Equal(("locust", 2, 2), (result.Run.Manifest.Generator!.Name, result.Run.Manifest.Generator.Workers, result.Run.Manifest.Generator.Users));
        Assert.True(File.Exists(result.StatsHistoryPath));

        // The saved log: pandas reads it with every row and both workers, and it reports as a Locust run.
        RunFiles.Save(result.Run, csv);
        Assert.Equal($"{rows.Count} {rows.Count} 2", await PandasAsync(csv, "df = pandas.read_csv(path); print(len(df), df['Latency_ms'].astype(float).count(), df['Worker'].nunique())"));
        var loaded = RunFiles.Load(csv);
        string html = HtmlReport.Render(RunAnalysis.Of(loaded), loaded);
        Assert.Contains("Driven by Locust", html);
        Assert.Contains("2 worker(s), 2 user(s)", html);
    }

    private static async Task<string> PandasAsync(string path, string script)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", $"import pandas, sys; path = sys.argv[1]; {script}", path])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEndAsync();
        var error = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(python.ExitCode == 0, await error);
        return (await output).Trim();
    }
}
