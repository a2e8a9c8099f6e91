using FaceGuard.Analysis;
using FaceGuard.Analysis.LoadTests;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Targets;
using FaceGuard.Engine;
using OpenCvSharp;

namespace FaceGuard.Benchmarks;

/// <summary>
/// What the HTTP layer costs: the same 1080p photo, the same options and concurrency (one worker per core), sent to the
/// service in its own process and to the engine in this one, back to back. Also the service's resident memory under it.
/// </summary>
internal static class ServiceBenchmark
{
    public static async Task RunAsync(int requests)
    {
        var photo = Photo1080p();
        int workers = Environment.ProcessorCount;
        Console.WriteLine($"{requests} requests of a 1920x1080 JPEG by {workers} workers, after {workers * 2} warm-up; {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"target",-9} {"sensitivity",-11} {"req/s",7} {"p50 ms",8} {"p99 ms",8} {"work p50",9} {"max RSS MB",11}");

        using var service = await ChildProcess.StartAsync("FaceGuard.Service.dll", "/healthz", "--urls", "http://127.0.0.1:{port}");
        foreach (var sensitivity in new[] { Sensitivity.Normal, Sensitivity.High })
        {
            var options = new LoadTestOptions { Requests = requests, Concurrency = workers, Warmup = workers * 2, SampleInterval = TimeSpan.FromMilliseconds(250) };
            await using var http = new HttpTarget(service.Address, $"sensitivity={sensitivity.ToString().ToLowerInvariant()}", service.Process.Id);
            Print("service", sensitivity, await LoadTest.RunAsync(http, [photo], options));

            var engineOptions = AnonymizeOptions.Default with { Detection = DetectionOptions.Default with { Sensitivity = sensitivity } };
            await using var embedded = new EmbeddedTarget(engineOptions, new EngineOptions { DetectionThreads = 1 });
            Print("engine", sensitivity, await LoadTest.RunAsync(embedded, [photo], options));
        }
    }

    private static void Print(string target, Sensitivity sensitivity, RunLog run)
    {
        var analysis = RunAnalysis.Of(run);
        double maxRss = run.Resources.Count > 0 ? run.Resources.Max(s => s.MemoryMb) : double.NaN;
        // The engine's own stage times (from Server-Timing for the service): what the HTTP layer adds is the rest.
        var work = run.Measured.Where(r => r.DetectMs is not null).Select(r => r.DecodeMs!.Value + r.DetectMs!.Value + r.BlurMs!.Value + r.EncodeMs!.Value).Order().ToList();
        Console.WriteLine($"{target,-9} {sensitivity,-11} {analysis.ThroughputRps,7:0.00} {analysis.LatencyMs.Median,8:0.0} {analysis.LatencyMs.P99,8:0.0} {work[work.Count / 2],9:0.0} {maxRss,11:0.0}" +
                          (analysis.Failures > 0 ? $"  ({analysis.Failures} failed)" : ""));
    }

    private static TestImage Photo1080p()
    {
        using var photo = Cv2.ImRead(FaceGuard.Analysis.DataFolder.Resolve("images/photos/sample1.jpg"));
        using var resized = photo.Resize(new Size(1920, 1080), 0, 0, InterpolationFlags.Cubic);
        Cv2.ImEncode(".jpg", resized, out var jpeg, [(int)ImwriteFlags.JpegQuality, 90]);
        return new TestImage("sample1-1080p.jpg", jpeg);
    }
}
