using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace FaceGuard.Service.Tests;

/// <summary>Readiness, metrics, overload and the API key: how the service behaves as something operated.</summary>
public class OperationTests
{
    [Fact]
    public async Task Health_says_not_ready_until_warm_up_has_run_then_ready()
    {
        var gate = new TaskCompletionSource();
        await using var service = await RunningService.StartWithAsync(builder => builder.Services.AddSingleton(new Readiness(gate.Task)));

        using (var before = await service.Client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
            Assert.Equal("Unhealthy", await before.Content.ReadAsStringAsync());
        }

        gate.SetResult();
        await service.WaitUntilReadyAsync();
        using var after = await service.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("Healthy", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_count_requests_by_status_and_expose_process_memory()
    {
        // Two services in one process: each counts its own requests only, exactly.
        await using var service = await RunningService.StartReadyAsync();
        await using var other = await RunningService.StartReadyAsync();
        (await other.Client.PostAsync("/process", TestData.Form(TestData.PhotoBytes("astronaut.png"), "a.png"))).EnsureSuccessStatusCode();

        for (int i = 0; i < 3; i++)
            (await service.Client.PostAsync("/process?sensitivity=normal", TestData.Form(TestData.PhotoBytes("astronaut.png"), "a.png"))).EnsureSuccessStatusCode();
        await service.Client.PostAsync("/process", TestData.Form([], "empty.jpg"));

        string metrics = await service.Client.GetStringAsync("/metrics");
        Assert.Equal(3, Sample(metrics, "http_requests_received_total{code=\"200\",method=\"POST\",controller=\"\",action=\"\",endpoint=\"/process\"}"));
        Assert.Equal(1, Sample(metrics, "http_requests_received_total{code=\"400\",method=\"POST\",controller=\"\",action=\"\",endpoint=\"/process\"}"));
        Assert.Equal(3, Sample(metrics, "faceguard_photos_processed_total"));
        Assert.Equal(3, Sample(metrics, "faceguard_faces_detected_total")); // the astronaut, three times
        Assert.Equal(1, Sample(await other.Client.GetStringAsync("/metrics"), "faceguard_photos_processed_total"));
        Assert.True(Sample(metrics, "process_resident_memory_bytes") > 10_000_000);
        Assert.Equal(1, Sample(metrics, "faceguard_ready"));
        Assert.Contains("faceguard_stage_duration_seconds_bucket{stage=\"detect\"", metrics);
        Assert.Contains("http_request_duration_seconds_bucket", metrics);
    }

    [Fact]
    public async Task Beyond_the_queue_requests_get_503_with_retry_after_and_the_rest_are_served()
    {
        await using var service = await RunningService.StartReadyAsync(("FaceGuard:MaxConcurrency", "1"), ("FaceGuard:QueueLimit", "0"));
        var limiter = service.App.Services.GetRequiredService<ConcurrencyLimiter>();

        // The first request takes the only slot and holds it: its body is still being sent.
        var body = new HeldBackContent(TestData.PhotoBytes("astronaut.png"));
        var first = service.Client.PostAsync("/process?sensitivity=normal", body);
        await WaitUntilAsync(() => limiter.GetStatistics()!.CurrentAvailablePermits == 0);

        using (var refused = await service.Client.PostAsync("/process", TestData.Form(TestData.PhotoBytes("astronaut.png"))))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
            Assert.Contains("busy", await refused.Content.ReadAsStringAsync());
        }

        body.Release();
        using var served = await first;
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        using var next = await service.Client.PostAsync("/process?sensitivity=normal", TestData.Form(TestData.PhotoBytes("astronaut.png")));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    /// <summary>ASP.NET's rate limiter disposes a limiter idle for 10 s (checked every second) and asks for a new one;
    /// a quiet spell once turned every later photo into a 500. The wait is the condition under test: time without
    /// requests. A machine too busy to run the check in time can only make this pass without testing, never fail.</summary>
    [Fact]
    public async Task A_service_left_idle_past_the_rate_limiters_idle_timeout_still_serves_photos()
    {
        await using var service = await RunningService.StartReadyAsync();
        using (var before = await service.Client.PostAsync("/process", TestData.Form(TestData.PhotoBytes("astronaut.png"))))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(12));

        using var after = await service.Client.PostAsync("/process", TestData.Form(TestData.PhotoBytes("astronaut.png")));
        Assert.True(after.StatusCode == HttpStatusCode.OK, $"{(int)after.StatusCode}: {await after.Content.ReadAsStringAsync()}");
        // Both photos went through the app's one limiter, the one the metrics read.
        var limiter = service.App.Services.GetRequiredService<ConcurrencyLimiter>();
        Assert.Equal(2, limiter.GetStatistics()!.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task Api_key_is_required_when_configured()
    {
        await using var service = await RunningService.StartReadyAsync(("FaceGuard:ApiKey", "s3cret"));
        var form = () => TestData.Form(TestData.PhotoBytes("astronaut.png"));

        using (var without = await service.Client.PostAsync("/process", form()))
            Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);

        var wrong = new HttpRequestMessage(HttpMethod.Post, "/process?sensitivity=normal") { Content = form() };
        wrong.Headers.Add("X-Api-Key", "guess");
        using (var refused = await service.Client.SendAsync(wrong))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var right = new HttpRequestMessage(HttpMethod.Post, "/process?sensitivity=normal") { Content = form() };
        right.Headers.Add("X-Api-Key", "s3cret");
        using (var accepted = await service.Client.SendAsync(right))
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        // Health and metrics stay open for probes and Prometheus.
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/healthz")).StatusCode);
    }

    private static double Sample(string metrics, string series)
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int attempt = 0; attempt < 500 && !condition(); attempt++) await Task.Delay(10);
        Assert.True(condition(), "condition not reached within 5 s");
    }
}

/// <summary>A multipart body whose last bytes are only sent once the test releases it.</summary>
internal sealed class HeldBackContent : HttpContent
{
    private const string Boundary = "held-back";
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _photo;

    public HeldBackContent(byte[] photo)
    {
        _photo = photo;
        Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
    }

    public HeldBackContent Release()
    {
        _release.TrySetResult();
        return this;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"));
        await stream.WriteAsync(_photo.AsMemory(0, _photo.Length / 2));
        await stream.FlushAsync();
        await _release.Task;
        await stream.WriteAsync(_photo.AsMemory(_photo.Length / 2));
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
