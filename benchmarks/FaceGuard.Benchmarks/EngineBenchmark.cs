using System.Diagnostics;
using System.Globalization;
using System.Text;
using FaceGuard.Analysis;
using FaceGuard.Analysis.LoadTests;
using FaceGuard.Analysis.Targets;

namespace FaceGuard.Benchmarks;

/// <summary>
/// The load generators against the same service in the same run: our own runner, Locust with one and with two local
/// workers, and wrk, each keeping the same number of requests in flight with the 1080p benchmark photo (14 faces) for
/// the same time. Requests/s from each run's own log (wrk: its own count).
/// </summary>
internal static class EngineBenchmark
{
    private const string Query = "sensitivity=normal";

    public static async Task RunAsync(int seconds, int users)
    {
        string folder = Directory.CreateTempSubdirectory("faceguard-engines-").FullName;
        string photoPath = Path.Combine(folder, "photos", "group-1080p.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(photoPath)!);
        File.Copy(DataFolder.Resolve("images/benchmark/synth_001.jpg"), photoPath);
        var photo = new TestImage("group-1080p.jpg", File.ReadAllBytes(photoPath));
        await using var service = await LocalServer.StartDotnetAsync("FaceGuard.Service.dll", "/healthz", "--urls", "http://127.0.0.1:{port}");

        Console.WriteLine($"{users} requests in flight, {seconds} s each, {photo.Name} ({photo.Bytes.Length / 1024} KB), {Query}, {Environment.ProcessorCount} cores, one service process");
        Console.WriteLine($"{"engine",-22} {"requests",9} {"failed",7} {"req/s",7} {"p50 ms",8} {"p99 ms",8}");

        await using (var target = new HttpTarget(service.Address, Query, service.Pid))
        {
            // Warm the service once for every engine that follows.
            await LoadTest.RunAsync(target, [photo], new LoadTestOptions { Requests = users * 2, Concurrency = users, Warmup = 0 });
            var estimate = await LoadTest.RunAsync(target, [photo], new LoadTestOptions { Requests = users * 4, Concurrency = users, Warmup = 0 });
            int requests = Math.Max(users * 4, (int)(RunAnalysis.Of(estimate).ThroughputRps * seconds));
            Print("faceguard (ours)", RunAnalysis.Of(await LoadTest.RunAsync(target, [photo], new LoadTestOptions { Requests = requests, Concurrency = users, Warmup = users })));
        }

        foreach (int workers in new[] { 1, 2 })
        {
            var result = await LocustRun.RunAsync(service.Address, Path.GetDirectoryName(photoPath)!, new LocustOptions
            {
                Workers = workers, Users = users, Duration = TimeSpan.FromSeconds(seconds), Warmup = users, Query = Query,
                OutputFolder = Path.Combine(folder, $"locust-{workers}"),
            }, service.Pid);
            Print($"locust, {workers} worker(s)", RunAnalysis.Of(result.Run));
            if (!result.Complete) Console.WriteLine($"  (Locust counted {result.LocustStatistics?.Requests}, the log has {result.Rows}, {result.RowsLost} lost)");
        }

        Console.WriteLine(await WrkAsync(service.Address, seconds, users, photo, folder));
        Directory.Delete(folder, recursive: true);
    }

    private static void Print(string engine, RunAnalysis a) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine,-22} {a.Requests,9} {a.Failures,7} {a.ThroughputRps,7:0.00} {a.LatencyMs.Median,8:0} {a.LatencyMs.P99,8:0}"));

    /// <summary>wrk posting the same multipart body as our runner, read from a file by its Lua script.</summary>
    private static async Task<string> WrkAsync(Uri address, int seconds, int connections, TestImage photo, string folder)
    {
        const string boundary = "faceguard-load-test";
        string body = Path.Combine(folder, "body.bin"), script = Path.Combine(folder, "post.lua");
        byte[] head = Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"{photo.Name}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        await File.WriteAllBytesAsync(body, [.. head, .. photo.Bytes, .. Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n")]);
        await File.WriteAllTextAsync(script,
            $"local f = io.open(\"{body}\", \"rb\")\nwrk.method = \"POST\"\nwrk.body = f:read(\"*all\")\nf:close()\n" +
            $"wrk.headers[\"Content-Type\"] = \"multipart/form-data; boundary={boundary}\"\n");
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, $"{address}process?{Query}"])
            { RedirectStandardOutput = true, UseShellExecute = false };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk).");
        string output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        string Field(string prefix) => output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim() ?? "?";
        string requests = output.Split('\n').FirstOrDefault(l => l.Contains("requests in", StringComparison.Ordinal))?.Trim().Split(' ')[0] ?? "?";
        string non2xx = Field("Non-2xx or 3xx responses:") is var n && n != "?" ? n : "0";
        return $"{"wrk",-22} {requests,9} {non2xx,7} {Field("Requests/sec:"),7} {Field("50%"),8} {Field("99%"),8}";
    }
}
