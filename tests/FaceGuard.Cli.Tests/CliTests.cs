using System.Text.Json;
using System.Text.RegularExpressions;
using FaceGuard.Analysis.Logs;
using OpenCvSharp;
using Spectre.Console.Cli.Testing;

namespace FaceGuard.Cli.Tests;

/// <summary>The commands run as the user runs them, judged by what they leave behind and their exit codes.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("faceguard-cli-").FullName;

    private static CommandAppResult Run(params string[] args)
    {
        var app = new CommandAppTester();
        app.Configure(CliApp.Configure);
        return app.Run(args);
    }

    [Fact]
    public void Blur_a_folder_mirrors_it_and_lists_the_faces_in_json()
    {
        string input = Directory.CreateDirectory(Path.Combine(_temp, "in", "sub")).Parent!.FullName;
        File.Copy(Photo("astronaut.png"), Path.Combine(input, "astronaut.png"));
        File.Copy(Photo("sample2.jpg"), Path.Combine(input, "sub", "group.jpg"));
        string output = Path.Combine(_temp, "out"), json = Path.Combine(_temp, "faces.json");

        var result = Run("blur", input, "-o", output, "--json", json, "--sensitivity", "normal");

        Assert.Equal(0, result.ExitCode);
        using (var blurred = Cv2.ImRead(Path.Combine(output, "sub", "group.jpg")))
            Assert.Equal(new Size(1920, 1367), blurred.Size());
        Assert.True(File.Exists(Path.Combine(output, "astronaut.jpg")));
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var group = report.RootElement.EnumerateArray().Single(e => e.GetProperty("path").GetString()!.EndsWith("group.jpg"));
        Assert.Equal(3, group.GetProperty("faces").GetArrayLength());
        Assert.True(group.GetProperty("timings").GetProperty("detectMs").GetDouble() > 0);
        // The summary the command printed names both photos and the faces masked in all.
        Assert.Contains(Path.Combine("sub", "group.jpg"), result.Output);
        Assert.Contains("2 photo(s), 4 face(s) masked", result.Output);
    }

    [Fact]
    public void Blur_reports_a_bad_file_and_still_processes_the_others()
    {
        string input = Directory.CreateDirectory(Path.Combine(_temp, "mixed")).FullName;
        File.Copy(Photo("astronaut.png"), Path.Combine(input, "good.png"));
        File.WriteAllText(Path.Combine(input, "bad.jpg"), "not a photo");
        string json = Path.Combine(_temp, "mixed.json");

        var result = Run("blur", input, "-o", Path.Combine(_temp, "mixed-out"), "--json", json, "--sensitivity", "normal");

        Assert.Equal(1, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(_temp, "mixed-out", "good.jpg")));
        Assert.Contains("text, not an image", File.ReadAllText(json));
    }

    [Fact]
    public void Bench_on_the_embedded_engine_writes_the_classic_log_its_companions_and_a_report()
    {
        string csv = Path.Combine(_temp, "logs", "run.csv");

        var result = Run("bench", "--images", Photo("astronaut.png"), "-n", "3", "--warmup", "1", "--sensitivity", "normal", "-o", csv);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Timestamp,Request_ID,Latency_ms,CPU_Percent,Memory_MB", File.ReadLines(csv).First());
        var run = RunFiles.Load(csv);
        Assert.Equal(4, run.Requests.Rows.Count);
        Assert.Equal(3, run.Measured.Rows.Count);
        Assert.NotEqual(0, run.Resources.Rows.Count);
        Assert.Equal("embedded engine (in-process)", run.Manifest!.Target);
        string html = File.ReadAllText(Path.ChangeExtension(csv, ".html"));
        Assert.Contains("<html", html);
        Assert.DoesNotContain("<script src=\"http", html);
    }

    [Fact]
    public void Report_reads_the_classic_log_and_compare_fails_only_on_a_real_slowdown()
    {
        string baseline = WriteLog("base.csv", Enumerable.Range(0, 200).Select(i => 200.0 + i % 20));
        string same = WriteLog("same.csv", Enumerable.Range(0, 200).Select(i => 200.0 + (i * 7) % 20));
        string slower = WriteLog("slow.csv", Enumerable.Range(0, 200).Select(i => 300.0 + i % 20));

        Assert.Equal(0, Run("report", baseline, "-o", Path.Combine(_temp, "base.html")).ExitCode);
        Assert.True(File.Exists(Path.Combine(_temp, "base.html")));
        Assert.Equal(0, Run("compare", baseline, same, "--fail-on-slower").ExitCode);
        Assert.Equal(3, Run("compare", baseline, slower, "--fail-on-slower").ExitCode);
    }

    [Fact]
    public void Report_judges_the_latency_band_and_the_cpu_swing_it_is_given_and_refuses_a_band_upside_down()
    {
        string log = WriteLog("band.csv", Enumerable.Range(0, 100).Select(i => i < 90 ? 150.0 : 450.0));

        var result = Run("report", log, "--latency-band", "100-400", "--cpu-fluctuation", "10", "-o", Path.Combine(_temp, "band.html"));

        Assert.Equal(0, result.ExitCode);
        string output = Regex.Replace(result.Output, @"\s+", " "); // the test console wraps at 80 columns
        Assert.Contains("10 % of requests outside the 100–400 ms band: 10 slower (up to 450 ms), 0 faster", output);
        Assert.Contains("CPU steady: all 100 readings within ±10 %", output);

        var refused = Run("report", log, "--latency-band", "400-200");
        Assert.Equal(-1, refused.ExitCode);
        Assert.Contains("'400-200' is not a band", Regex.Replace(refused.Output, @"\s+", " "));
        Assert.Contains("--cpu-fluctuation must be a positive number", Regex.Replace(Run("report", log, "--cpu-fluctuation", "0").Output, @"\s+", " "));
    }

    [Fact]
    public void Report_reads_Locusts_stats_history_as_an_aggregated_run_and_says_so()
    {
        // As Locust 2.12 wrote it for a short run (two users, two workers): N/A before the first report.
        string history = Path.Combine(_temp, "locust_stats_history.csv");
        File.WriteAllLines(history,
        [
            "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,Total Min Response Time,Total Max Response Time,Total Average Content Size",
            "1796228543,2,,Aggregated,0.000000,0.000000,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,0,0,0,0.0,0,0,0",
            "1796228545,2,,Aggregated,0.000000,0.000000,140,200,330,330,630,660,660,660,660,660,660,16,0,140.0,221.16,41.44,656.33,170036.0",
            "1796228548,1,,Aggregated,5.250000,0.000000,260,500,570,590,660,750,1100,1100,1100,1100,1100,29,0,260.0,352.86,41.44,1090.36,165000.0",
            "1796228549,0,,Aggregated,5.250000,0.000000,260,450,520,570,630,750,1100,1100,1100,1100,1100,33,1,260.0,341.47,41.44,1090.36,165000.0",
        ]);
        string html = Path.Combine(_temp, "history.html");

        var result = Run("report", history, "-o", html);

        Assert.Equal(0, result.ExitCode);
        string output = Regex.Replace(result.Output, @"\s+", " ");
        Assert.Contains("Aggregated by Locust: per-second percentiles, not per-request", output);
        Assert.Contains("33 requests, 1 failed, over 6 s; Locust's p50 260 ms, p95 750 ms, p99 1100 ms at the end", output);
        string page = File.ReadAllText(html);
        Assert.Contains("Aggregated by Locust: per-second percentiles, not per-request", page);
        Assert.Contains("chart-locust-history", page);
        var refused = Run("report", history, "--baseline", history);
        Assert.Equal(-1, refused.ExitCode);
        Assert.Contains("--baseline compares request-by-request logs", Regex.Replace(refused.Output, @"\s+", " "));
    }

    public static TheoryData<string[], string> RefusedCommandLines => new()
    {
        { ["blur", Photo("astronaut.png"), "--threshold", "3"], "score threshold must be between 0 and 1" },
        { ["blur", "no-such-photo.jpg"], "No such file or folder: no-such-photo.jpg" },
        { ["bench", "--target", "not-a-url"], "not-a-url" },
        { ["bench", "--requestz", "3", "--bogus-flag"], "Unknown option 'requestz'" },
        { ["blur", "photo.jpg", "--mdoe", "mosaic"], "Unknown option 'mdoe'" },
        { ["bench", "--engine", "locsut"], "--engine must be 'faceguard' or 'locust', not 'locsut'" },
        { ["bench", "--workers", "2"], "--workers applies to --engine locust only" },
        { ["bench", "--target", "http://127.0.0.1:9", "--users", "4"], "--users applies to --engine locust only" },
        { ["bench", "--engine", "locust"], "give its URL with --target" },
        { ["bench", "--engine", "locust", "--target", "http://127.0.0.1:9", "-n", "20"], "-n/--requests applies to --engine faceguard only" },
        { ["bench", "--engine", "locust", "--target", "http://127.0.0.1:9", "--rate", "3"], "--rate applies to --engine faceguard only" },
        { ["bench", "--engine", "locust", "--target", "http://127.0.0.1:9", "--workers", "0"], "At least one Locust worker" },
        { ["bench", "--engine", "locust", "--target", "http://127.0.0.1:9", "--remote-workers", "2"], "--remote-workers needs --master-bind-host" },
        { ["bench", "--master-port", "5557"], "--master-port applies to --engine locust only" },
        { ["eval", "--compare", "--sets", "x"], "Unknown option 'sets'" },
        { ["report", "run.csv", "--baselne", "base.csv"], "Unknown option 'baselne'" },
    };

    [Theory]
    [MemberData(nameof(RefusedCommandLines))]
    public void Invalid_or_unknown_options_are_refused_with_what_was_wrong_before_any_work(string[] args, string message)
    {
        var result = Run(args);

        // Spectre's code for a command line it refuses; a crash or a finished run would give another.
        Assert.Equal(-1, result.ExitCode);
        Assert.Contains(message, result.Output);
    }

    /// <summary>A log in the classic script's five columns.</summary>
    private string WriteLog(string name, IEnumerable<double> latencies)
    {
        string path = Path.Combine(_temp, name);
        var lines = latencies.Select((ms, i) => FormattableString.Invariant($"2026-01-01 10:{i / 60:00}:{i % 60:00},{i + 1},{ms},20,150"));
        File.WriteAllLines(path, ["Timestamp,Request_ID,Latency_ms,CPU_Percent,Memory_MB", .. lines]);
        return path;
    }

    private static string Photo(string name) => FaceGuard.Testing.RepositoryFiles.Photo(name);

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
