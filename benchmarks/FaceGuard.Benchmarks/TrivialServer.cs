using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FaceGuard.Benchmarks;

/// <summary>A /process that reads the upload and answers at once: the ceiling of an HTTP load generator.</summary>
internal static class TrivialServer
{
    private static readonly byte[] Response = new byte[1024];

    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/ready", () => "ok");
        app.MapPost("/process", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return Results.Bytes(Response, "image/jpeg");
        });
        await app.RunAsync();
    }
}
