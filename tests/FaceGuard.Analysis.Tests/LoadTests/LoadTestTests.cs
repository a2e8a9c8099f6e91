using FaceGuard.Analysis.LoadTests;
using FaceGuard.Analysis.Targets;
using FaceGuard.Analysis.Tests.Reports;
using FaceGuard.Engine;

namespace FaceGuard.Analysis.Tests.LoadTests;

public class LoadTestTests
{
    private static readonly AnonymizeOptions Fast = AnonymizeOptions.Default with { Detection = DetectionOptions.Default with { Sensitivity = Sensitivity.Normal } };
    private static readonly IReadOnlyList<TestImage> Photos = [Load("astronaut.png"), Load("sample2.jpg")];

    [Fact]
    public async Task Embedded_run_logs_every_request_with_stage_timings_and_this_process_as_the_sampled_one()
    {
        await using var target = new EmbeddedTarget(Fast);
        var run = await LoadTest.RunAsync(target, Photos, new LoadTestOptions { Requests = 4, Warmup = 1, Name = "embedded-test" });

        Assert.Equal(5, run.Rows().Count);
        Assert.Equal([1, 2, 3, 4, 5], run.Rows().Select(r => r.RequestId));
        Assert.True(run.Rows()[0].Warmup);
        Assert.Equal(4, run.MeasuredRows().Count);
        Assert.All(run.Rows(), r => Assert.False(r.Failed));
        Assert.Equal(["astronaut.png", "sample2.jpg", "astronaut.png", "sample2.jpg", "astronaut.png"], run.Rows().Select(r => r.Image));
        Assert.All(run.Rows(), r => Assert.True(r.Stages!.DetectMs > 0 && r.Stages!.EncodeMs > 0));
        Assert.Equal(3, run.Rows().Single(r => r.RequestId == 2).Faces); // sample2.jpg has three people
        Assert.Equal(Environment.ProcessId, run.Manifest!.WatchedProcessId);
        Assert.Equal("embedded-test", run.Manifest.Name);
        // The latency covers the engine's work: never shorter than the stages it reports.
        Assert.All(run.Rows(), r => Assert.True(r.LatencyMs >= r.Stages!.DecodeMs + r.Stages!.DetectMs + r.Stages!.MaskMs + r.Stages!.EncodeMs));
    }

    [Fact]
    public async Task Http_run_against_the_real_service_reads_its_server_timing_and_face_count()
    {
        var (app, address) = await TestServices.StartFaceGuardAsync();
        await using var _ = app;
        await using var target = new HttpTarget(address, "sensitivity=normal");

        // The service runs in this test process, so finding it by port must find us.
        Assert.Equal(Environment.ProcessId, target.ProcessId);

        var run = await LoadTest.RunAsync(target, Photos, new LoadTestOptions { Requests = 6, Concurrency = 2, Warmup = 1 });

        Assert.Equal(7, run.Rows().Count);
        Assert.All(run.Rows(), r => Assert.Equal(200, r.Status));
        Assert.All(run.Rows(), r => Assert.True(r.Stages!.DetectMs > 0, "Server-Timing read"));
        Assert.Equal(1, run.Rows().First(r => r.Image == "astronaut.png").Faces);
        Assert.All(run.Rows(), r => Assert.True(r.BytesOut > 1000));
    }

    [Fact]
    public async Task Failures_are_logged_as_failed_rows_not_dropped()
    {
        var (app, address) = await TestServices.StartFaceGuardAsync();
        await using var _ = app;
        await using var target = new HttpTarget(address, "sensitivity=normal");
        IReadOnlyList<TestImage> mixed = [Photos[0], new TestImage("notes.jpg", "not a photo"u8.ToArray())];

        var run = await LoadTest.RunAsync(target, mixed, new LoadTestOptions { Requests = 4, Warmup = 0 });

        Assert.Equal(4, run.Rows().Count);
        var failed = run.Rows().Where(r => r.Failed).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, r => Assert.Equal(400, r.Status));
        Assert.All(failed, r => Assert.StartsWith("HTTP 400: Unsupported image format", r.Error));
    }

    [Fact]
    public async Task Open_loop_latencies_count_from_the_intended_send_time_so_a_stall_shows()
    {
        // Every request stalls until all of them have been sent. A closed loop would have sent one and waited; the
        // open loop keeps its schedule, and the first request's latency must include the whole stall.
        const int requests = 10;
        const double rate = 20;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int received = 0;
        var (app, address) = await TestServices.StartStalledAsync(gate.Task, () =>
        {
            if (Interlocked.Increment(ref received) == requests) gate.TrySetResult();
        });
        await using var _ = app;
        await using var target = new HttpTarget(address, processId: Environment.ProcessId);

        var run = await LoadTest.RunAsync(target, [Photos[0]], new LoadTestOptions { RatePerSecond = rate, Duration = TimeSpan.FromSeconds(requests / rate), Warmup = 0 });

        Assert.Equal(requests, run.Rows().Count);
        Assert.All(run.Rows(), r => Assert.False(r.Failed));
        double scheduleMs = (requests - 1) / rate * 1000; // the last request is due 450 ms after the first
        var first = run.Rows().Single(r => r.RequestId == 1);
        var last = run.Rows().Single(r => r.RequestId == requests);
        Assert.True(first.LatencyMs >= scheduleMs, $"first request {first.LatencyMs:0} ms, schedule {scheduleMs} ms");
        Assert.True(first.LatencyMs > last.LatencyMs, "earlier requests waited longer behind the stall");
        Assert.Equal(scheduleMs / 1000, last.ElapsedS - first.ElapsedS, 6); // intended send times follow the rate exactly
    }

    [Fact]
    public async Task Cancelling_stops_the_run_and_keeps_what_was_measured()
    {
        await using var target = new EmbeddedTarget(Fast);
        using var stop = new CancellationTokenSource();
        var progress = new StopAfter(3, stop);

        var run = await LoadTest.RunAsync(target, Photos, new LoadTestOptions { Requests = 1000, Warmup = 0 }, progress, stop.Token);

        Assert.True(run.Manifest!.Cancelled);
        Assert.InRange(run.Rows().Count, 3, 5);
        Assert.All(run.Rows(), r => Assert.False(r.Failed));
    }

    private static TestImage Load(string name) => new(name, File.ReadAllBytes(TestServices.Photo(name)));

    private sealed class StopAfter(int requests, CancellationTokenSource stop) : IProgress<LoadTestProgress>
    {
        public void Report(LoadTestProgress value)
        {
            if (value.Completed >= requests) stop.Cancel();
        }
    }
}
