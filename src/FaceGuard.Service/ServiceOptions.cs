namespace FaceGuard.Service;

/// <summary>
/// Service settings, bound from the "FaceGuard" configuration section (appsettings.json, environment variables such as
/// FaceGuard__MaxConcurrency, or --FaceGuard:MaxConcurrency=4 on the command line).
/// </summary>
public sealed record ServiceOptions
{
    public const string Section = "FaceGuard";
    public const string DefaultUrls = "http://127.0.0.1:8080";
    public const long DefaultMaxRequestBytes = 20 * 1024 * 1024;
    public const int DefaultMaxBatchImages = 32;

    /// <summary>Photos processed at the same time. Default: the number of cores (the work is CPU-bound).</summary>
    public int MaxConcurrency { get; init; } = Environment.ProcessorCount;

    /// <summary>Most threads one photo's detection may use; a photo gets only the cores other photos leave free, so a
    /// lone request is answered sooner and a busy service runs one thread per photo (see EngineOptions.DetectionThreads).</summary>
    public int DetectionThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Requests that may wait for a free slot; beyond them the service answers 503 at once.</summary>
    public int QueueLimit { get; init; } = 2 * Environment.ProcessorCount;

    /// <summary>Largest request body; larger uploads get 413.</summary>
    public long MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>Largest photo, in pixels, the engine will decode; larger ones get 400.</summary>
    public long MaxPixels { get; init; } = FaceGuard.Engine.EngineOptions.DefaultMaxPixels;

    public int MaxBatchImages { get; init; } = DefaultMaxBatchImages;

    /// <summary>When set, image endpoints require this value in the X-Api-Key header.</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// Bytes of results kept in memory, keyed by the SHA-256 of upload and options. 0 (the default) turns the cache
    /// off: a cache holds people's photos in memory after the request is over, which a privacy tool should not do
    /// unless asked to.
    /// </summary>
    public long CacheBytes { get; init; }

    /// <summary>Seconds a client is told to wait (Retry-After) when the service is full.</summary>
    public int RetryAfterSeconds { get; init; } = 1;
}
