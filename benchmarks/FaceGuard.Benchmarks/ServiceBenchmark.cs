using FaceGuard.Analysis;
using FaceGuard.Analysis.LoadTests;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Targets;
using FaceGuard.Engine;
using OpenCvSharp;

namespace FaceGuard.Benchmarks;

/// <summary>
/// What the HTTP layer costs: the same 1080p photo and options sent to the service in its own process and to the engine
/// in this one, back to back, with one worker per core. In a closed loop each worker leaves its service slot idle while
/// it uploads the next photo and reads the answer, so the service is also run with twice the workers (the extra ones
/// wait in its queue): that is its throughput when kept busy. Also the resident memory under it.
/// </summary>
internal static class ServiceBenchmark
{
    public static async Task RunAsync(int requests)
    {
        var photo = Photo1080p();
        int cores = Environment.ProcessorCount;
        Console.WriteLine($"{requests} requests of a 1920x1080 JPEG per row, after {cores * 2} warm-up; {cores} cores");
        Console.WriteLine($"{"target",-9} {"sensitivity",-11} {"workers",7} {"req/s",7} {"p50 ms",8} {"p99 ms",8} {"work p50",9} {"max RSS MB",11}");

        using var service = await ChildProcess.StartAsync("FaceGuard.Service.dll", "/healthz", "--urls", "http://127.0.0.1:{port}");
        foreach (var sensitivity in new[] { Sensitivity.Normal, Sensitivity.High })
        {
            foreach (int workers in new[] { cores, cores * 2 })
            {
                await using var http = new HttpTarget(service.Address, $"sensitivity={sensitivity.ToString().ToLowerInvariant()}", service.Process.Id);
                Print("service", sensitivity, workers, await LoadTest.RunAsync(http, [photo], Options(requests, workers)));
            }

            var engineOptions = AnonymizeOptions.Default with { Detection = DetectionOptions.Default with { Sensitivity = sensitivity } };
            await using var embedded = new EmbeddedTarget(engineOptions, new EngineOptions { DetectionThreads = 1 });
            Print("engine", sensitivity, cores, await LoadTest.RunAsync(embedded, [photo], Options(requests, cores)));
        }
    }

    private static LoadTestOptions Options(int requests, int workers) =>
        new() { Requests = requests, Concurrency = workers, Warmup = Environment.ProcessorCount * 2, SampleInterval = TimeSpan.FromMilliseconds(250) };

    private static void Print(string target, Sensitivity sensitivity, int workers, RunLog run)
    {
        var analysis = RunAnalysis.Of(run);
        double maxRss = run.Resources.Count > 0 ? run.Resources.Max(s => s.MemoryMb) : double.NaN;
        // The engine's own stage times (from Server-Timing for the service): what the HTTP layer adds is the rest.
        var work = run.Measured.Where(r => r.DetectMs is not null).Select(r => r.DecodeMs!.Value + r.DetectMs!.Value + r.BlurMs!.Value + r.EncodeMs!.Value).Order().ToList();
        Console.WriteLine($"{target,-9} {sensitivity,-11} {workers,7} {analysis.ThroughputRps,7:0.00} {analysis.LatencyMs.Median,8:0.0} {analysis.LatencyMs.P99,8:0.0} {work[work.Count / 2],9:0.0} {maxRss,11:0.0}" +
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
