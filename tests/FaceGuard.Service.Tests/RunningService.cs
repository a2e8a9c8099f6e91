using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FaceGuard.Service.Tests;

/// <summary>
/// The real service — Kestrel, middleware, limits — started on a free loopback port, with an HttpClient pointed at it.
/// Readiness is awaited on the service's own signal, with a bound, never by sleeping.
/// </summary>
public sealed class RunningService : IAsyncDisposable
{
    private RunningService(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }
    public Uri Address { get; }
    public HttpClient Client { get; }

    /// <param name="settings">Configuration overrides, e.g. ("FaceGuard:MaxConcurrency", "1").</param>
    public static Task<RunningService> StartAsync(params (string Key, string Value)[] settings) => StartWithAsync(null, settings);

    /// <param name="customize">Service registrations to add or replace before the app is built.</param>
    public static async Task<RunningService> StartWithAsync(Action<WebApplicationBuilder>? customize, params (string Key, string Value)[] settings)
    {
        string[] args = ["--urls", "http://127.0.0.1:0", .. settings.Select(s => $"--{s.Key}={s.Value}")];
        var app = FaceGuardService.Build(args, customize);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new RunningService(app, new Uri(addresses.Single()));
    }

    public static async Task<RunningService> StartReadyAsync(params (string Key, string Value)[] settings)
    {
        var service = await StartAsync(settings);
        await service.WaitUntilReadyAsync();
        return service;
    }

    public Task WaitUntilReadyAsync() =>
        App.Services.GetRequiredService<Readiness>().WhenReady.WaitAsync(TimeSpan.FromMinutes(2));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>One ready service with default settings shared by the tests of a class.</summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    public RunningService Service { get; private set; } = null!;
    public HttpClient Client => Service.Client;

    public async Task InitializeAsync() => Service = await RunningService.StartReadyAsync();
    public async Task DisposeAsync() => await Service.DisposeAsync();
}
