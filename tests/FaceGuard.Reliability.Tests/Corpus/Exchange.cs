using System.Diagnostics;
using System.Text.Json;

namespace FaceGuard.Reliability.Tests.Corpus;

/// <summary>What the service answered to one bad input, and whether that is acceptable.</summary>
/// <param name="Status">Null when no answer came: the connection failed, or the request hung past the client's timeout.</param>
/// <param name="Title">The problem's title for a 4xx (or 5xx) problem+json answer.</param>
public sealed record Exchange(int? Status, string? MediaType, string? Title, string? Error, double LatencyMs)
{
    public bool Decoded => Status == 200;

    /// <summary>Null when the answer is acceptable for <paramref name="expect"/>; otherwise what is wrong with it.</summary>
    public string? Problem(Expect expect, int? exactStatus)
    {
        if (Status is null) return "no answer: " + Error;
        if (Status >= 500) return $"{Status} {Title}";
        if (Status == 200)
            return expect == Expect.RefusedOrDecoded ? Error : "200 for an input that must be refused";
        if (Status is < 400 or >= 500) return $"unexpected {Status}";
        if (exactStatus is { } exact && Status != exact) return $"{Status} where {exact} was expected ({Title})";
        return MediaType == "application/problem+json" ? null : $"{Status} without a problem+json body ({MediaType})";
    }

    public static async Task<Exchange> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent content, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            // No Expect: 100-continue, as browsers and most scripts send: the service must answer a refused upload in
            // a way the client reads while it is still sending (see OversizedUpload).
            using var request = new HttpRequestMessage(method, path) { Content = content };
            using var response = await client.SendAsync(request, cancellationToken);
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            int status = (int)response.StatusCode;
            string? mediaType = response.Content.Headers.ContentType?.MediaType;
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (status == 200)
            {
                bool image = body.Length > 3 && ((body[0] == 0xFF && body[1] == 0xD8) || (body[0] == 0x89 && body[1] == 0x50) || (body[0] == 'P' && body[1] == 'K') || body[0] == '{');
                return new Exchange(status, mediaType, null, image ? null : $"200 whose body is not an image ({body.Length} bytes)", ms);
            }
            return new Exchange(status, mediaType, ProblemTitle(body), null, ms);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new Exchange(null, null, null, e is TaskCanceledException ? "timed out (a hang)" : e.InnerException?.Message ?? e.Message, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
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
}
