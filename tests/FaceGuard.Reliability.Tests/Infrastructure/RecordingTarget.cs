using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using FaceGuard.Analysis.Targets;

namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>One answer as the client saw it: status (null when no answer came), time from send to the end of the body.</summary>
internal sealed record Answer(int? Status, double LatencyMs, bool HasRetryAfter, string? Error);

/// <summary>
/// POST /process like <see cref="HttpTarget"/>, for the library's load generator, but keeping what a reliability test
/// needs and the request log does not: the latency and Retry-After of refused requests too.
/// </summary>
internal sealed class RecordingTarget(Uri serviceAddress, string query, int processId) : ILoadTarget
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = int.MaxValue })
    {
        BaseAddress = serviceAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private readonly ConcurrentQueue<Answer> _answers = new();

    public string Description => $"{serviceAddress}process?{query} (recording every answer)";

    public int? ProcessId => processId;

    public string? WhyNoProcess => null;

    public IReadOnlyList<Answer> Answers => [.. _answers];

    public void Clear() => _answers.Clear();

    public async Task<RequestOutcome> SendAsync(TestImage image, CancellationToken cancellationToken)
    {
        using var photo = new ByteArrayContent(image.Bytes);
        photo.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { photo, "image", image.Name } };
        long start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _client.PostAsync("/process?" + query, form, cancellationToken);
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            int status = (int)response.StatusCode;
            _answers.Enqueue(new Answer(status, Stopwatch.GetElapsedTime(start).TotalMilliseconds, response.Headers.RetryAfter is not null, null));
            return response.IsSuccessStatusCode
                ? new RequestOutcome(status, null, null, body.Length, null)
                : RequestOutcome.Failure($"HTTP {status}", status);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _answers.Enqueue(new Answer(null, Stopwatch.GetElapsedTime(start).TotalMilliseconds, false, e.Message));
            return RequestOutcome.Failure(e.Message);
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
