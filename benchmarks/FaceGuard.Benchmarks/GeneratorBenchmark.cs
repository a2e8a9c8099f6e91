using FaceGuard.Analysis;
using System.Diagnostics;
using FaceGuard.Analysis.LoadTests;
using FaceGuard.Analysis.Targets;

namespace FaceGuard.Benchmarks;

/// <summary>
/// Is the load generator ever the bottleneck? wrk and our closed loop each post the same small multipart upload to a
/// trivial endpoint in another process, with the same number of connections, one after the other in the same run.
/// </summary>
internal static class GeneratorBenchmark
{
    public static async Task RunAsync(int seconds, int connections)
    {
        await using var server = await LocalServer.StartDotnetAsync("FaceGuard.Benchmarks.dll", "/ready", "trivial-server", "{port}");
        var photo = new TestImage("tiny.jpg", new byte[2048]);

        double wrk = await WrkAsync(server.Address, seconds, connections, photo);
        Console.WriteLine($"wrk:       {wrk,10:0} requests/s ({connections} connections, {seconds} s)");

        await using var target = new HttpTarget(server.Address, processId: server.Pid);
        var warm = await LoadTest.RunAsync(target, [photo], new LoadTestOptions { Requests = 2000, Concurrency = connections, Warmup = 0 });
        int requests = (int)Math.Max(2000, wrk * seconds / 2);
        var watch = Stopwatch.StartNew();
        var run = await LoadTest.RunAsync(target, [photo], new LoadTestOptions { Requests = requests, Concurrency = connections, Warmup = 0, SampleInterval = TimeSpan.FromSeconds(1) });
        var analysis = RunAnalysis.Of(run);
        double ours = analysis.Succeeded / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"faceguard: {ours,10:0} requests/s ({connections} workers, {requests} requests in {watch.Elapsed.TotalSeconds:0.0} s, {analysis.Failures} failed)");
        Console.WriteLine($"ratio:     {ours / wrk,10:0.00} (target ≥ 0.5)");
    }

    private static async Task<double> WrkAsync(Uri address, int seconds, int connections, TestImage photo)
    {
        // A wrk script posting the same multipart body the HttpTarget sends.
        string boundary = "faceguard-bench";
        string script = Path.Combine(Path.GetTempPath(), $"faceguard-wrk-{Environment.ProcessId}.lua");
        string body = $"--{boundary}\\r\\nContent-Disposition: form-data; name=\\\"image\\\"; filename=\\\"tiny.jpg\\\"\\r\\nContent-Type: application/octet-stream\\r\\n\\r\\n" +
                      string.Concat(Enumerable.Repeat("\\0", photo.Bytes.Length)) + $"\\r\\n--{boundary}--\\r\\n";
        await File.WriteAllTextAsync(script, $"wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"multipart/form-data; boundary={boundary}\"\nwrk.body = \"{body}\"\n");
        try
        {
            var start = new ProcessStartInfo("wrk", $"-t2 -c{connections} -d{seconds}s -s {script} {address}process") { RedirectStandardOutput = true, UseShellExecute = false };
            using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk).");
            string output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            string line = output.Split('\n').First(l => l.StartsWith("Requests/sec:", StringComparison.Ordinal));
            return double.Parse(line.Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
