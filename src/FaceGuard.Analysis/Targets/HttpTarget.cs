using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FaceGuard.Analysis.Sampling;
using FaceGuard.Engine;

namespace FaceGuard.Analysis.Targets;

/// <summary>
/// The FaceGuard service at a URL: POST {url}/process with the photo in the multipart field "image", exactly as
/// curl -F "image=@photo.jpg" does. The whole response is read before the request counts as done.
/// </summary>
public sealed class HttpTarget : ILoadTarget
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private const string Boundary = "faceguard-load-test";
    private static readonly MediaTypeHeaderValue FormContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");

    private readonly HttpClient _client;
    private readonly Uri _endpoint;
    // The multipart body of each photo, built once: the generator's own work per request stays small.
    private readonly ConditionalWeakTable<TestImage, byte[]> _bodies = new();

    /// <param name="serviceUrl">The service's base URL, e.g. http://127.0.0.1:8080 (or the /process URL itself).</param>
    /// <param name="query">Options for the service, e.g. "sensitivity=normal"; empty for its defaults.</param>
    /// <param name="processId">The service's PID; found from the port when the URL is on this machine and it is null.</param>
    public HttpTarget(Uri serviceUrl, string query = "", int? processId = null, TimeSpan? timeout = null)
    {
        string path = serviceUrl.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith("/process", StringComparison.Ordinal)) path += "/process";
        _endpoint = new UriBuilder(serviceUrl) { Path = path, Query = query }.Uri;
        _client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.None,
        })
        { Timeout = timeout ?? DefaultTimeout };

        if (processId is { } pid) ProcessId = pid;
        else (ProcessId, WhyNoProcess) = ListeningProcess.Find(serviceUrl);
    }

    public string Description => _endpoint.ToString();

    public int? ProcessId { get; }

    public string? WhyNoProcess { get; }

    public async Task<RequestOutcome> SendAsync(TestImage image, CancellationToken cancellationToken)
    {
        using var form = new ByteArrayContent(_bodies.GetValue(image, MultipartBody));
        form.Headers.ContentType = FormContentType;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = form };
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            int status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                byte[] problem = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                return RequestOutcome.Failure($"HTTP {status}: {ProblemTitle(problem) ?? response.ReasonPhrase}", status);
            }
            long length = await DrainAsync(response, cancellationToken);
            return new RequestOutcome(status, null, FacesHeader(response), length, ServerTiming(response));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return RequestOutcome.Failure($"timeout after {_client.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return RequestOutcome.Failure("connection failed: " + (e.InnerException?.Message ?? e.Message));
        }
    }

    /// <summary>What curl -F "image=@name" sends.</summary>
    private static byte[] MultipartBody(TestImage image)
    {
        string name = image.Name.Replace("\"", "", StringComparison.Ordinal);
        byte[] head = System.Text.Encoding.UTF8.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] tail = System.Text.Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");
        return [.. head, .. image.Bytes, .. tail];
    }

    /// <summary>Reads the whole response, as a client would, counting bytes instead of keeping them.</summary>
    private static async Task<long> DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0) total += read;
            return total;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int? FacesHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Faces", out var values) && int.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, out int faces) ? faces : null;

    /// <summary>Reads "decode;dur=12.3, detect;dur=45.6, mask;dur=1.2, encode;dur=10.1" (the stage names of
    /// <see cref="Stages"/>; "blur" from services before the rename).</summary>
    internal static StageTimings? ServerTiming(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Server-Timing", out var values) ? ServerTiming(string.Join(",", values)) : null;

    /// <summary>The same, from the header's text (as another load generator recorded it).</summary>
    internal static StageTimings? ServerTiming(string? header)
    {
        if (string.IsNullOrEmpty(header)) return null;
        var durations = new Dictionary<Stage, double>();
        foreach (string metric in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = metric.Split(';', StringSplitOptions.TrimEntries);
            var duration = parts.Skip(1).FirstOrDefault(p => p.StartsWith("dur=", StringComparison.Ordinal));
            if (Stages.TryParse(parts[0], out var stage) && duration is not null && double.TryParse(duration[4..], NumberStyles.Float, CultureInfo.InvariantCulture, out double ms))
                durations[stage] = ms;
        }
        return durations.Count == 0 ? null : new StageTimings(
            durations.GetValueOrDefault(Stage.Decode), durations.GetValueOrDefault(Stage.Detect), durations.GetValueOrDefault(Stage.Mask), durations.GetValueOrDefault(Stage.Encode));
    }

    private static string? ProblemTitle(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("title", out var title) ? title.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
