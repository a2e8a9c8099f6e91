using FaceGuard.Analysis.Frames;
using System.Diagnostics;
using FaceGuard.Analysis;
using FaceGuard.Analysis.LoadTests;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Statistics;
using FaceGuard.Analysis.Targets;
using FaceGuard.Reliability.Tests.Infrastructure;
using static FaceGuard.Reliability.Tests.Infrastructure.ReliabilityReport;

namespace FaceGuard.Reliability.Tests;

/// <summary>
/// Thousands of requests through the service run as its own process, logged by the analysis library with the
/// service's PID so that the sampler reads the service's memory, not the test's.
/// </summary>
public class SoakTests
{
    public const int DefaultRequests = 5_000;

    /// <summary>Requests before the measured ones, at the same concurrency, so that the allocator has reached the
    /// steady state of two photos at a time before "early" memory is read.</summary>
    public const int WarmupRequests = 300;

    /// <summary>One request per core: the service's default slot count on this machine, no queueing, no 503.</summary>
    public const int Concurrency = 2;

    /// <summary>Resident memory may grow less than this from the first tenth of the run to the last.</summary>
    public const double MaxMemoryGrowth = 0.10;

    public const string Photo = "messi5.jpg";

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Thousands_of_requests_all_succeed_and_resident_memory_stays_flat()
    {
        int requests = Settings.Integer(Settings.SoakRequestsVariable, DefaultRequests, minimum: 100);
        var clock = Stopwatch.StartNew();
        using var within = new CancellationTokenSource(Bound);
        await using var service = await ServiceProcess.StartAsync(within.Token);
        TestImage[] images = [new(Photo, Repo.PhotoBytes(Photo))];
        await using var target = new HttpTarget(service.Address, "sensitivity=normal", processId: service.Pid);

        var warmup = await LoadTest.RunAsync(target, images,
            new LoadTestOptions { Name = "soak-warmup", Requests = WarmupRequests, Concurrency = Concurrency, Warmup = 0 }, cancellationToken: within.Token);
        var run = await LoadTest.RunAsync(target, images,
            new LoadTestOptions { Name = "soak", Requests = requests, Concurrency = Concurrency, Warmup = 0 }, cancellationToken: within.Token);
        RunFiles.Save(run, Repo.Artifacts("reliability", "soak.csv"));

        var analysis = RunAnalysis.Of(run);
        var memory = MemoryGrowth.Of(ResourceFrame.ToSamples(run.Resources));
        int warmupFailures = RequestFrame.ToRecords(warmup.Requests).Count(r => r.Failed);
        var errors = RequestFrame.ToRecords(run.Requests).Where(r => r.Failed).GroupBy(r => r.Error).Select(g => $"{g.Count()} × {g.Key}").ToList();
        bool grew = memory.Growth >= MaxMemoryGrowth || analysis.MemoryTrend.Verdict != TrendVerdict.Stable;
        Record(new TestFigures(
            "Soak",
            Invariant($"{analysis.Requests:#,0} requests ({Photo}, sensitivity=normal) by {Concurrency} workers after {WarmupRequests} warm-up, service in its own process"),
            Served: analysis.Succeeded + (int)warmup.Requests.Rows.Count - warmupFailures,
            FaultsSurvived: 0,
            BadInputs: 0,
            Failures: analysis.Failures + warmupFailures + (grew ? 1 : 0) + (analysis.Requests < requests ? 1 : 0),
            DurationS: clock.Elapsed.TotalSeconds,
            [
                new("throughput", Invariant($"{analysis.ThroughputRps:0.0} requests/s over {analysis.WallTimeS:0} s")),
                new("latency", Invariant($"median {analysis.LatencyMs.Median:0.0} ms, p95 {analysis.LatencyMs.P95:0.0} ms, p99 {analysis.LatencyMs.P99:0.0} ms")),
                new("resident memory of the service", Invariant($"first tenth median {memory.EarlyMedianMb:0.0} MB, last tenth median {memory.LateMedianMb:0.0} MB (max {memory.LateMaxMb:0.0} MB), peak {memory.PeakMb:0.0} MB; {memory.Samples} samples")),
                new("memory growth", Invariant($"{Percent(memory.Growth)} median to median, {Percent(memory.GrowthOfLateMax)} to the late max (limit {MaxMemoryGrowth * 100:0} %)")),
                new("library's memory trend", Invariant($"{analysis.MemoryTrend.Verdict}: {Signed(analysis.MemoryTrend.SlopeMbPer1000Requests, 2)} MB per 1,000 requests, R² {analysis.MemoryTrend.RSquared:0.00}")),
                new("run log", "artifacts/reliability/soak.csv (+ .resources.csv, .manifest.json)"),
            ]));

        Assert.False(run.Manifest!.Cancelled, $"The soak run was stopped by its {Bound.TotalMinutes:0}-minute bound after {run.Requests.Rows.Count} requests.");
        Assert.Equal(0, warmupFailures);
        Assert.True(analysis.Failures == 0, $"{analysis.Failures} of {analysis.Requests} requests failed: {string.Join("; ", errors)}");
        Assert.Equal(requests, analysis.Requests);
        Assert.True(memory.Growth < MaxMemoryGrowth,
            Invariant($"Resident memory grew {memory.Growth:P1}: {memory.EarlyMedianMb:0.0} MB → {memory.LateMedianMb:0.0} MB (limit {MaxMemoryGrowth:P0})."));
        Assert.Equal(MemorySource.ResourceSamples, analysis.MemorySource);
        Assert.True(analysis.MemoryTrend.Verdict == TrendVerdict.Stable, $"The library calls the memory {analysis.MemoryTrend}.");
        Assert.Equal(service.Pid, run.Manifest.WatchedProcessId);
    }
}
