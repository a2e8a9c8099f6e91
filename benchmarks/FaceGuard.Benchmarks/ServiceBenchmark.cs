using FaceGuard.Analysis;
using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.LoadTests;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Targets;
using FaceGuard.Engine;

namespace FaceGuard.Benchmarks;

/// <summary>
/// The service over HTTP on loopback. First against the Python peer (<see cref="PythonPeer"/>) when it can run here:
/// the 1920x1080 group photo with 14 faces of 20–120 px (data/images/benchmark) sent one at a time to each, in
/// alternating rounds so both see the same machine, with p50, the ratio and the faces each found. Then throughput:
/// the same photo to the service in its own process and to the engine in this one, with one worker per core and, since
/// a closed-loop worker leaves its slot idle while it uploads, twice that (the extra requests wait in the service's
/// queue): the service's throughput when kept busy. Also the resident memory under it.
/// </summary>
internal static class ServiceBenchmark
{
    private const int PeerRounds = 5;

    public static async Task RunAsync(int requests)
    {
        var photo = new TestImage("group-1080p.jpg", File.ReadAllBytes(DataFolder.Resolve("images/benchmark/synth_001.jpg")));
        int cores = Environment.ProcessorCount;
        await using var service = await LocalServer.StartDotnetAsync("FaceGuard.Service.dll", "/healthz", "--urls", "http://127.0.0.1:{port}");

        await CompareWithPeerAsync(service, photo, requests);

        Console.WriteLine();
        Console.WriteLine($"Throughput: {requests} requests of the same photo per row, after {cores * 2} warm-up; {cores} cores");
        Console.WriteLine($"{"target",-9} {"sensitivity",-11} {"workers",7} {"req/s",7} {"p50 ms",8} {"p99 ms",8} {"work p50",9} {"max RSS MB",11}");
        foreach (var sensitivity in new[] { Sensitivity.Normal, Sensitivity.High })
        {
            foreach (int workers in new[] { cores, cores * 2 })
            {
                await using var http = new HttpTarget(service.Address, $"sensitivity={sensitivity.ToString().ToLowerInvariant()}", service.Pid);
                Print("service", sensitivity, workers, await LoadTest.RunAsync(http, [photo], Options(requests, workers)));
            }

            var engineOptions = AnonymizeOptions.Default with { Detection = DetectionOptions.Default with { Sensitivity = sensitivity } };
            await using var embedded = new EmbeddedTarget(engineOptions);
            Print("engine", sensitivity, cores, await LoadTest.RunAsync(embedded, [photo], Options(requests, cores)));
        }
    }

    private static async Task CompareWithPeerAsync(LocalServer service, TestImage photo, int requests)
    {
        var (peer, whyNot) = await PythonPeer.TryStartAsync();
        if (peer is null)
        {
            Console.WriteLine($"Python peer: not run ({whyNot}).");
            return;
        }
        await using (peer)
        {
            int perRound = Math.Max(1, requests / PeerRounds);
            Console.WriteLine($"One request at a time, {photo.Name} (1920x1080, 14 faces of 20-120 px), {PeerRounds} alternating rounds of {perRound}, default options:");
            await using var ours = new HttpTarget(service.Address, "", service.Pid);
            await using var python = new HttpTarget(peer.Address, "", peer.Pid);
            var oursRows = new List<RequestRecord>();
            var pythonRows = new List<RequestRecord>();
            for (int round = 0; round < PeerRounds; round++)
            {
                var sequential = new LoadTestOptions { Requests = perRound, Concurrency = 1, Warmup = round == 0 ? 3 : 1, SampleInterval = TimeSpan.FromMilliseconds(250) };
                oursRows.AddRange(RequestFrame.ToRecords((await LoadTest.RunAsync(ours, [photo], sequential)).Measured));
                pythonRows.AddRange(RequestFrame.ToRecords((await LoadTest.RunAsync(python, [photo], sequential)).Measured));
            }
            double oursP50 = Median(oursRows), pythonP50 = Median(pythonRows);
            Console.WriteLine($"  {"FaceGuard service",-24} p50 {oursP50,6:0.0} ms  faces {Faces(oursRows)}");
            Console.WriteLine($"  {"Python peer (Flask)",-24} p50 {pythonP50,6:0.0} ms  faces {Faces(pythonRows)}");
            Console.WriteLine($"  ratio (ours / peer)      {oursP50 / pythonP50:0.00}");
        }
    }

    private static double Median(List<RequestRecord> rows)
    {
        var latencies = rows.Where(r => r.LatencyMs is not null).Select(r => r.LatencyMs!.Value).Order().ToList();
        return latencies.Count == 0 ? double.NaN : latencies[latencies.Count / 2];
    }

    private static string Faces(List<RequestRecord> rows)
    {
        var counts = rows.Where(r => r.Faces is not null).Select(r => r.Faces!.Value).Distinct().Order().ToList();
        return counts.Count == 0 ? "?" : string.Join("/", counts) + " of 14";
    }

    private static LoadTestOptions Options(int requests, int workers) =>
        new() { Requests = requests, Concurrency = workers, Warmup = Environment.ProcessorCount * 2, SampleInterval = TimeSpan.FromMilliseconds(250) };

    private static void Print(string target, Sensitivity sensitivity, int workers, RunLog run)
    {
        var analysis = RunAnalysis.Of(run);
        double maxRss = analysis.MemoryMb.Max;
        // The engine's own stage times (from Server-Timing for the service): what the HTTP layer adds is the rest.
        var work = RequestFrame.ToRecords(run.Measured).Where(r => r.Stages is not null).Select(r => r.Stages!.TotalMs).Order().ToList();
        Console.WriteLine($"{target,-9} {sensitivity,-11} {workers,7} {analysis.ThroughputRps,7:0.00} {analysis.LatencyMs.Median,8:0.0} {analysis.LatencyMs.P99,8:0.0} {work[work.Count / 2],9:0.0} {maxRss,11:0.0}" +
                          (analysis.Failures > 0 ? $"  ({analysis.Failures} failed)" : ""));
    }
}
