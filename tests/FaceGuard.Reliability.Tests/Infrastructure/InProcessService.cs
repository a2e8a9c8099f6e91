using FaceGuard.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>
/// The real service — Kestrel, limits, middleware — built by FaceGuardService.Build inside the test process on a free
/// loopback port (as tests/FaceGuard.Service.Tests/RunningService.cs does). Its process is this one.
/// </summary>
internal sealed class InProcessService : IAsyncDisposable
{
    private static readonly TimeSpan ReadyBound = TimeSpan.FromMinutes(2);

    private InProcessService(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }
    public Uri Address { get; }
    public HttpClient Client { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <param name="settings">Configuration overrides, e.g. ("FaceGuard:MaxConcurrency", "1").</param>
    public static async Task<InProcessService> StartReadyAsync(params (string Key, string Value)[] settings)
    {
        string[] args = ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings.Select(s => $"--{s.Key}={s.Value}")];
        var app = FaceGuardService.Build(args);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var service = new InProcessService(app, new Uri(addresses.Single()));
        await app.Services.GetRequiredService<Readiness>().WhenReady.WaitAsync(ReadyBound);
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
