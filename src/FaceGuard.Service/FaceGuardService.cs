using System.Threading.RateLimiting;
using FaceGuard.Engine;
using FaceGuard.Service.Endpoints;
using Prometheus;

namespace FaceGuard.Service;

/// <summary>Builds the service: configuration, limits, metrics, warm-up, endpoints.</summary>
public static class FaceGuardService
{
    public const string ImagePolicy = "images";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? ServiceOptions.DefaultUrls);
        var options = builder.Configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();
        builder.Services.AddSingleton(options);
        KeepThreadsForRequests(options);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The service's own limit is MaxRequestBytes (413 above it); Kestrel's is how much of a refused body it
            // reads so that the client sees the 413 rather than a reset (OversizedUpload).
            kestrel.Limits.MaxRequestBodySize = OversizedUpload.DrainLimitBytes(options);
            kestrel.AddServerHeader = false;
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None); // "not ready yet" is not an error

        builder.Services.AddSingleton(new FaceAnonymizer(new EngineOptions { MaxPixels = options.MaxPixels, DetectionThreads = options.DetectionThreads }));
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddHostedService<WarmUpService>();
        builder.Services.AddHealthChecks().AddCheck<WarmUpHealthCheck>("warm-up");
        builder.Services.AddSingleton(new ResultCache(options.CacheBytes));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UnhandledExceptionHandler>();

        var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrency,
            QueueLimit = options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        builder.Services.AddSingleton(limiter);
        var metrics = new ServiceMetrics(limiter);
        builder.Services.AddSingleton(metrics);
        builder.Services.AddRateLimiter(rateLimiting =>
        {
            rateLimiting.AddPolicy(ImagePolicy, _ => RateLimitPartition.Get(ImagePolicy, _ => new NeverIdleLimiter(limiter)));
            rateLimiting.OnRejected = Overload.RejectAsync;
        });

        customize?.Invoke(builder);
        var app = builder.Build();

        app.UseHttpMetrics(http => http.SetMetricFactory(Metrics.WithCustomRegistry(metrics.Registry))); // first, so it records the status the client finally gets
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();

        app.MapPage(options);
        app.MapHealth();
        app.MapImageEndpoints(options);
        app.MapMetrics("/metrics", metrics.Registry);
        return app;
    }

    /// <summary>
    /// Photos are processed synchronously on thread-pool threads, up to MaxConcurrency × DetectionThreads of them. With
    /// no thread to spare the service could not read the next request, answer /healthz or /metrics, or turn excess load
    /// away with 503 until the pool added threads (one per half second or so): found when metrics went unanswered for
    /// seconds while two slow photos were processing. So the pool starts with that many threads plus one per core.
    /// </summary>
    private static void KeepThreadsForRequests(ServiceOptions options)
    {
        ThreadPool.GetMinThreads(out int workers, out int completionPorts);
        int needed = options.MaxConcurrency * options.DetectionThreads + Environment.ProcessorCount;
        if (needed > workers) ThreadPool.SetMinThreads(needed, completionPorts);
    }
}
