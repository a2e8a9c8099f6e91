using System.Diagnostics;
using System.Net;
using FaceGuard.Reliability.Tests.Infrastructure;
using static FaceGuard.Reliability.Tests.Infrastructure.ReliabilityReport;

namespace FaceGuard.Reliability.Tests;

/// <summary>
/// SIGTERM, as systemd, Docker and Kubernetes stop a service: the requests in flight at that moment are finished and
/// answered 200, new connections are refused from then on, and the process exits 0.
/// </summary>
public class ShutdownTests
{
    /// <summary>Slow requests: the largest sample photo at twice its size (3840x2560) and high sensitivity, several
    /// seconds each on two cores — long enough that they are certainly still processing when the signal goes.</summary>
    public const int SlowRequests = 2;
    public const string SlowPhoto = "sample1.jpg";
    public const double SlowPhotoScale = 2;

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Requests_in_flight_at_SIGTERM_complete_new_connections_are_refused_and_the_process_exits_0()
    {
        var clock = Stopwatch.StartNew();
        using var within = new CancellationTokenSource(Bound);
        // One slot per request, so the slow ones are all processing rather than queued.
        await using var service = await ServiceProcess.StartAsync(within.Token, ("FaceGuard:MaxConcurrency", $"{SlowRequests + 1}"));
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(90) };

        // In flight, two ways: photos being processed (seen on /metrics), and an upload whose second half the test holds back.
        byte[] slowPhoto = Enlarged(Repo.PhotoBytes(SlowPhoto), SlowPhotoScale);
        var slow = Enumerable.Range(0, SlowRequests)
            .Select(_ => client.PostAsync("/process?sensitivity=high", Uploads.Form(slowPhoto, SlowPhoto), within.Token))
            .ToArray();
        var heldBack = new HeldBackContent(Repo.PhotoBytes("messi5.jpg"), "messi5.jpg");
        var uploading = client.PostAsync("/process?sensitivity=normal", heldBack, within.Token);
        await heldBack.HalfSent.WaitAsync(within.Token);
        string lastSeen = "no /metrics answer yet";
        var transitions = new List<string>();
        int polls = 0;
        await Wait.UntilAsync(async () =>
            {
                string metrics = await service.Client.GetStringAsync("/metrics", within.Token);
                double processing = MetricsText.Sum(metrics, "faceguard_requests_processing");
                double inProgress = MetricsText.Sum(metrics, "http_requests_in_progress", "endpoint=\"/process\"");
                string now = $"{processing} processing, {inProgress} in progress";
                if (transitions.Count == 0 || !transitions[^1].EndsWith(now)) transitions.Add($"{clock.ElapsedMilliseconds} ms: {now}");
                lastSeen = $"{++polls} polls; {string.Join("; ", transitions)}; slow requests {string.Join(", ", slow.Select(t => t.IsCompletedSuccessfully ? $"answered {(int)t.Result.StatusCode}" : t.Status.ToString()))}";
                return processing == SlowRequests && inProgress == SlowRequests + 1;
            },
            $"{SlowRequests} photos are being processed and {SlowRequests + 1} /process requests are in progress", within.Token, () => lastSeen + "\n" + service.Log);
        int finishedBeforeSignal = slow.Count(t => t.IsCompleted);

        service.Terminate();
        var sinceSignal = Stopwatch.StartNew();
        var slowAnswered = Task.WhenAll(slow).ContinueWith(_ => sinceSignal.Elapsed.TotalSeconds, TaskScheduler.Default);
        await Wait.UntilAsync(() => service.RefusesConnectionsAsync(within.Token), "the service refuses new connections", within.Token, () => service.Log);
        bool uploadStillOpen = !uploading.IsCompleted;
        Exception? refusal = await Xunit.Record.ExceptionAsync(async () =>
        {
            using var fresh = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = service.Address };
            await fresh.GetAsync("/healthz", within.Token);
        });

        heldBack.Release();
        var answers = await Task.WhenAll([.. slow, uploading]);
        var statuses = answers.Select(a => a.StatusCode).ToArray();
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsByteArrayAsync(within.Token)));
        int exitCode = await service.WaitForExitAsync(within.Token);
        bool refusedAfterExit = await service.RefusesConnectionsAsync(within.Token);
        int completed = statuses.Count(s => s == HttpStatusCode.OK);
        bool refusedNew = refusal is HttpRequestException;

        Record(new TestFigures(
            "Graceful shutdown",
            Invariant($"SIGTERM with {SlowRequests} photos processing ({SlowPhoto} at {SlowPhotoScale}× size, sensitivity=high) and 1 upload half sent"),
            Served: completed,
            FaultsSurvived: 1,
            BadInputs: 0,
            Failures: statuses.Length - completed + (exitCode == 0 ? 0 : 1) + (refusedNew ? 0 : 1) + (refusedAfterExit ? 0 : 1),
            DurationS: clock.Elapsed.TotalSeconds,
            [
                new("in flight at SIGTERM", Invariant($"{answers.Length} requests, answered {string.Join(", ", statuses.Select(s => (int)s))}")),
                new("processing photos answered", Invariant($"{await slowAnswered:0.0} s after SIGTERM")),
                new("new connection after SIGTERM", refusedNew ? "refused" : $"not refused ({refusal?.GetType().Name ?? "answered"})"),
                new("exit code", Invariant($"{exitCode}")),
            ]));

        Assert.Equal(0, finishedBeforeSignal); // else the signal came too late for this test to mean anything
        Assert.True(uploadStillOpen, "The held-back upload ended before it was released.");
        Assert.True(refusedNew, $"A new request after SIGTERM was not refused: {refusal}");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(bodies, b => Assert.True(b.Length > 2 && b[0] == 0xFF && b[1] == 0xD8, "An answer is not a JPEG."));
        Assert.True(exitCode == 0, $"The service exited with {exitCode}. Its log:\n{service.Log}");
        Assert.True(refusedAfterExit);
        Assert.Empty(service.ErrorLines());
    }

    private static byte[] Enlarged(byte[] jpeg, double scale)
    {
        using var photo = OpenCvSharp.Cv2.ImDecode(jpeg, OpenCvSharp.ImreadModes.Color);
        using var large = photo.Resize(new OpenCvSharp.Size(0, 0), scale, scale, OpenCvSharp.InterpolationFlags.Cubic);
        OpenCvSharp.Cv2.ImEncode(".jpg", large, out var bytes, [(int)OpenCvSharp.ImwriteFlags.JpegQuality, 90]);
        return bytes;
    }
}
