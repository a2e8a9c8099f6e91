using FaceGuard.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FaceGuard.Analysis.Tests.LoadTests;

/// <summary>Real Kestrel apps on free loopback ports: the FaceGuard service, or a small stand-in with a chosen behaviour.</summary>
internal static class TestServices
{
    public static async Task<(WebApplication App, Uri Address)> StartFaceGuardAsync()
    {
        var app = FaceGuardService.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        await app.Services.GetRequiredService<Readiness>().WhenReady.WaitAsync(TimeSpan.FromMinutes(2));
        return (app, AddressOf(app));
    }

    /// <summary>A /process endpoint whose every request waits for <paramref name="gate"/>: a service that stalls.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartStalledAsync(Task gate, Action onRequest)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/process", async (Microsoft.AspNetCore.Http.HttpRequest request) =>
        {
            onRequest();
            await request.Body.CopyToAsync(Stream.Null);
            await gate;
            return Microsoft.AspNetCore.Http.Results.Bytes([0xFF, 0xD8, 0xFF], "image/jpeg");
        });
        await app.StartAsync();
        return (app, AddressOf(app));
    }

    public static string Photo(string name) => FaceGuard.Testing.RepositoryFiles.Photo(name);

    private static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
}
