using FaceGuard.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaceGuard.Service;

/// <summary>Whether the models are loaded and one photo has been through every stage.</summary>
public sealed class Readiness
{
    private volatile bool _ready;
    public bool IsReady => _ready;
    public void MarkReady() => _ready = true;
}

/// <summary>
/// Runs one photo through decode, detect, blur and encode before the service reports ready, so the first real
/// request does not pay for model loading and JIT.
/// </summary>
internal sealed class WarmUpService(FaceAnonymizer engine, Readiness readiness, ILogger<WarmUpService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        engine.WarmUp();
        readiness.MarkReady();
        ServiceMetrics.Ready.Set(1);
        logger.LogInformation("Models loaded and warmed up in {Ms:0} ms; ready", started.Elapsed.TotalMilliseconds);
    }, stoppingToken);
}

internal sealed class WarmUpHealthCheck(Readiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("Models loaded and warmed up.")
            : HealthCheckResult.Unhealthy("Warming up: loading models."));
}
