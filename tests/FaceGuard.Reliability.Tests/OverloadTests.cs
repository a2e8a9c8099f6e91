using System.Diagnostics;
using System.Net;
using FaceGuard.Analysis;
using FaceGuard.Analysis.LoadTests;
using FaceGuard.Analysis.Statistics;
using FaceGuard.Analysis.Targets;
using FaceGuard.Reliability.Tests.Infrastructure;
using static FaceGuard.Reliability.Tests.Infrastructure.ReliabilityReport;

namespace FaceGuard.Reliability.Tests;

/// <summary>
/// Capacity measured first, then three times that arrival rate for a few seconds against a service with one slot and a
/// short queue: the excess is refused with 503 and Retry-After, the rest is served, and afterwards nothing is left over.
/// How quick the 503s were goes to the figures, not into an assertion: on a shared machine another process can delay
/// any answer, and a test that a busy neighbour can fail is no test.
/// </summary>
public class OverloadTests
{
    public const int Slots = 1;
    public const int QueuePlaces = 2;
    public const double Overload = 3.0;
    public const int CapacityRequests = 100;
    public static readonly TimeSpan Burst = TimeSpan.FromSeconds(4);
    public const int RecoveryRequests = 30;
    public const string Photo = "messi5.jpg";

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private static string Describe(Distribution d) =>
        Invariant($"p25 {d.P25:0.0}, median {d.Median:0.0}, p75 {d.P75:0.0}, p90 {d.P90:0.0}, p95 {d.P95:0.0}, max {d.Max:0.0} ms");

    [Fact]
    public async Task Three_times_capacity_gets_503s_for_the_excess_serves_the_rest_and_recovers()
    {
        var clock = Stopwatch.StartNew();
        using var within = new CancellationTokenSource(Bound);
        await using var service = await ServiceProcess.StartAsync(within.Token,
            ("FaceGuard:MaxConcurrency", $"{Slots}"), ("FaceGuard:QueueLimit", $"{QueuePlaces}"));
        TestImage[] images = [new(Photo, Repo.PhotoBytes(Photo))];
        await using var target = new RecordingTarget(service.Address, "sensitivity=normal", service.Pid);

        // Capacity: a closed loop keeping the slot busy (one processing, one waiting), never beyond the queue.
        var capacityRun = await LoadTest.RunAsync(target, images,
            new LoadTestOptions { Name = "capacity", Requests = CapacityRequests, Concurrency = Slots + 1, Warmup = 5 }, cancellationToken: within.Token);
        var capacity = RunAnalysis.Of(capacityRun);
        Assert.True(capacity.Failures == 0, $"Measuring capacity, {capacity.Failures} requests failed.");
        double rate = Overload * capacity.ThroughputRps;
        target.Clear();

        double rejectedBefore = await MetricsText.ReadAsync(service.Client, "faceguard_requests_rejected_total", within.Token);
        var burstRun = await LoadTest.RunAsync(target, images,
            new LoadTestOptions { Name = "burst", RatePerSecond = rate, Duration = Burst, Warmup = 0 }, cancellationToken: within.Token);
        var burst = target.Answers;
        double rejectedCounted = await MetricsText.ReadAsync(service.Client, "faceguard_requests_rejected_total", within.Token) - rejectedBefore;

        // Recovery: the queue drains by itself, then a closed loop is served in full.
        await Wait.UntilAsync(async () =>
                await MetricsText.ReadAsync(service.Client, "faceguard_queue_length", within.Token) == 0 &&
                await MetricsText.ReadAsync(service.Client, "faceguard_requests_processing", within.Token) == 0,
            "nothing is queued or processing", within.Token);
        target.Clear();
        var recoveryRun = await LoadTest.RunAsync(target, images,
            new LoadTestOptions { Name = "recovery", Requests = RecoveryRequests, Concurrency = Slots, Warmup = 0 }, cancellationToken: within.Token);
        var recovery = RunAnalysis.Of(recoveryRun);
        using var health = await service.Client.GetAsync("/healthz", within.Token);

        var served = burst.Where(a => a.Status == 200).Select(a => a.LatencyMs).ToArray();
        var refused = burst.Where(a => a.Status == 503).ToArray();
        var refusedMs = refused.Select(a => a.LatencyMs).ToArray();
        var other = burst.Where(a => a.Status is not (200 or 503)).ToArray();
        var servedLatency = Distribution.Describe(served);
        var refusedLatency = Distribution.Describe(refusedMs);
        var faster = served.Length > 0 && refusedMs.Length > 0 ? MannWhitney.Test(served, refusedMs) : null;
        Record(new TestFigures(
            "Overload",
            Invariant($"{burst.Count:#,0} requests at {Overload:0}× capacity ({rate:0} requests/s for {Burst.TotalSeconds:0} s) against {Slots} slot + {QueuePlaces} queue places"),
            Served: capacity.Succeeded + served.Length + recovery.Succeeded,
            FaultsSurvived: refused.Length,
            BadInputs: 0,
            Failures: other.Length + recovery.Failures + (health.StatusCode == HttpStatusCode.OK ? 0 : 1),
            DurationS: clock.Elapsed.TotalSeconds,
            [
                new("capacity (closed loop)", Invariant($"{capacity.ThroughputRps:0.0} requests/s, median {capacity.LatencyMs.Median:0.0} ms")),
                new("burst", Invariant($"{served.Length:#,0} served (200), {refused.Length:#,0} refused (503, all with Retry-After: {refused.All(a => a.HasRetryAfter)}), {other.Length} other")),
                new("latency of served", Describe(servedLatency)),
                new("latency of 503", Describe(refusedLatency) + Invariant($" (Mann-Whitney p = {faster?.PValue:0.###e0})")),
                new("recovery", Invariant($"{recovery.Succeeded} of {recovery.Requests} served right after the burst, /healthz {(int)health.StatusCode}")),
            ]));

        Assert.True(other.Length == 0, $"Besides 200 and 503: {string.Join("; ", other.Take(5))}");
        Assert.True(refused.Length > 0, $"Nothing was refused at {rate:0} requests/s ({Overload}× the measured {capacity.ThroughputRps:0.0}).");
        Assert.True(served.Length > 0, "Nothing was served during the burst.");
        Assert.All(refused, a => Assert.True(a.HasRetryAfter, "A 503 without Retry-After."));
        Assert.Equal(refused.Length, (int)rejectedCounted);
        Assert.False(burstRun.Manifest!.Cancelled);
        Assert.True(recovery.Failures == 0, $"After the burst {recovery.Failures} of {recovery.Requests} requests failed.");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
