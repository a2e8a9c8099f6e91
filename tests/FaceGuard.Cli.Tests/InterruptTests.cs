using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using FaceGuard.Analysis.Logs;

namespace FaceGuard.Cli.Tests;

/// <summary>Ctrl+C in a real `faceguard bench` process: the run stops and what was measured is still written.</summary>
public sealed class InterruptTests : IDisposable
{
    private const int SIGINT = 2;
    private readonly string _temp = Directory.CreateTempSubdirectory("faceguard-interrupt-").FullName;

    [Fact]
    public async Task Ctrl_C_stops_a_bench_and_it_still_writes_the_log_and_the_report()
    {
        string csv = Path.Combine(_temp, "interrupted.csv");
        using var within = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "faceguard.dll"), "bench", "--images", FaceGuard.Testing.RepositoryFiles.Photo("astronaut.png"),
                     "--requests", "100000", "--sensitivity", "normal", "--out", csv })
            info.ArgumentList.Add(argument);

        using var bench = Process.Start(info)!;
        try
        {
            var errors = bench.StandardError.ReadToEndAsync(within.Token);
            var output = new StringBuilder();
            // The first line comes after the Ctrl+C handler is in place; 100,000 requests are far from done by then.
            string? first = await bench.StandardOutput.ReadLineAsync(within.Token);
            Assert.StartsWith("Target embedded engine", first);
            output.AppendLine(first);

            Assert.Equal(0, Kill(bench.Id, SIGINT));
            output.Append(await bench.StandardOutput.ReadToEndAsync(within.Token));
            await bench.WaitForExitAsync(within.Token);

            Assert.True(bench.ExitCode == 0, $"exit code {bench.ExitCode}\n{output}\n{await errors}");
            Assert.Contains("Stopped early; saved what was measured.", output.ToString());
            var run = RunFiles.Load(csv);
            Assert.True(run.Manifest!.Cancelled);
            Assert.True(run.Requests.Rows.Count < 100_000);
            Assert.Contains("<html", File.ReadAllText(Path.ChangeExtension(csv, ".html")));
        }
        finally
        {
            if (!bench.HasExited) bench.Kill(entireProcessTree: true);
        }
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
