using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Sampling;
using FaceGuard.Engine;

namespace FaceGuard.Analysis.Tests.Reports;

/// <summary>Run logs built in code with deterministic numbers: one request every half second from <see cref="Start"/>.</summary>
internal static class TestRuns
{
    public const double IntervalS = 0.5;
    public static readonly DateTime Start = new(2025, 3, 1, 12, 0, 0);

    /// <summary>Measured requests with these latencies (null = failed), ids from 1, no CPU or memory.</summary>
    public static RunLog Latencies(params double?[] latenciesMs) =>
        new(latenciesMs.Select((latency, i) => Request(i + 1, latency)).ToList(), []);

    public static RequestRecord Request(int id, double? latencyMs, bool warmup = false, double? cpuPercent = null, double? memoryMb = null) =>
        new(Start.AddSeconds((id - 1) * IntervalS), id, latencyMs, cpuPercent, memoryMb, ElapsedS: (id - 1) * IntervalS, Warmup: warmup,
            Status: latencyMs is null ? 503 : 200, Error: latencyMs is null ? "503 Service Unavailable" : null);

    public static ResourceSample Sample(double elapsedS, double cpuPercent, double memoryMb) =>
        new(Start.AddSeconds(elapsedS), elapsedS, 4242, cpuPercent, memoryMb, 24);

    /// <summary>
    /// A run like a real one: 5 warm-up requests (the first a 900 ms cold start), 120 measured ones around 120 ms with
    /// a 540 ms spike every 37th, requests 50 and 90 failed, stage timings, CPU and memory in the rows and in resource
    /// samples every half second, memory creeping from 150 MB over the 200 MB threshold near the end.
    /// </summary>
    public static RunLog Realistic(string name = "nightly-2025-03-01", double scale = 1.0)
    {
        var requests = new List<RequestRecord>();
        for (var id = 1; id <= 125; id++)
        {
            var warmup = id <= 5;
            double? latency = id == 1 ? 900 : id is 55 or 95 ? null : Math.Round(scale * LatencyMs(id), 3);
            var cpu = Math.Round(150 + 40 * Math.Sin(id / 7.0), 1);
            var memory = Math.Round(MemoryMb((id - 1) * IntervalS), 2);
            var request = Request(id, latency, warmup, cpu, memory);
            requests.Add(latency is { } ms
                ? request with { Stages = new StageTimings(Math.Round(ms * 0.08, 3), Math.Round(ms * 0.55, 3), Math.Round(ms * 0.22, 3), Math.Round(ms * 0.1, 3)), Image = $"photo{id % 7}.jpg", Faces = id % 4 }
                : request with { Error = id == 55 ? "503 Service Unavailable" : "Timeout after 5000 ms" });
        }

        var samples = Enumerable.Range(0, 126).Select(i => Sample(i * IntervalS, Math.Round(150 + 40 * Math.Sin(i / 7.0), 1), Math.Round(MemoryMb(i * IntervalS), 2))).ToList();
        var manifest = new RunManifest(
            name, "http://127.0.0.1:5080/process", "open-loop 2 rps",
            new Dictionary<string, string> { ["rate"] = "2", ["duration"] = "60s", ["warmup"] = "5", ["images"] = "data/photos" },
            new DateTimeOffset(Start, TimeSpan.FromHours(1)), new DateTimeOffset(Start.AddSeconds(63), TimeSpan.FromHours(1)),
            "ci-runner-2", 2, "Debian GNU/Linux 12", "1.4.0", 4242, "FaceGuard.Service");
        return new RunLog(requests, samples, manifest);
    }

    /// <summary>Around 120 ms with a slow wave, and a 540 ms spike on every 37th request.</summary>
    public static double LatencyMs(int id) => id % 37 == 0 ? 540 : 120 + 15 * Math.Sin(id / 5.0) + id % 3;

    private static double MemoryMb(double elapsedS) => 150 + 0.85 * elapsedS;
}

/// <summary>A run's frames walked as records, for assertions row by row.</summary>
internal static class RunLogRows
{
    public static IReadOnlyList<RequestRecord> Rows(this RunLog log) => RequestFrame.ToRecords(log.Requests);

    public static IReadOnlyList<RequestRecord> MeasuredRows(this RunLog log) => log.Rows().Where(r => !r.Warmup).ToList();

    /// <summary>Latencies of the measured requests that succeeded, in order.</summary>
    public static double[] LatenciesMs(this RunLog log) => log.MeasuredRows().Where(r => !r.Failed).Select(r => r.LatencyMs!.Value).ToArray();
}
