using FaceGuard.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaceGuard.Service;

/// <summary>Whether the models are loaded and one photo has been through every stage.</summary>
/// <param name="startGate">Warm-up waits for this first; tests hold it to observe the service before it is ready.</param>
public sealed class Readiness(Task? startGate = null)
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Task StartGate { get; } = startGate ?? Task.CompletedTask;

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Completes when the service turns ready.</summary>
    public Task WhenReady => _ready.Task;

    public void MarkReady() => _ready.TrySetResult();
}

/// <summary>
/// Runs one photo through decode, detect, blur and encode before the service reports ready, so the first real
/// request does not pay for model loading and JIT.
/// </summary>
internal sealed class WarmUpService(FaceAnonymizer engine, Readiness readiness, ServiceMetrics metrics, ILogger<WarmUpService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        await readiness.StartGate.WaitAsync(stoppingToken);
        var started = System.Diagnostics.Stopwatch.StartNew();
        engine.WarmUp();
        metrics.Ready.Set(1);
        readiness.MarkReady();
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
