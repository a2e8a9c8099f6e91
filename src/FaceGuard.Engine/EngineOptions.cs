namespace FaceGuard.Engine;

/// <summary>Limits that belong to whoever runs the engine rather than to one request.</summary>
public sealed record EngineOptions
{
    /// <summary>50 megapixels: above any phone camera, below what a 32-bit decoder buffer or a small server tolerates.</summary>
    public const long DefaultMaxPixels = 50_000_000;

    public static EngineOptions Default { get; } = new();

    /// <summary>Images declaring more pixels than this are refused before any pixel is decoded.</summary>
    public long MaxPixels
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPixels), value, "The pixel limit must be positive.");
    } = DefaultMaxPixels;

    /// <summary>Cores one detection run uses. With all cores (the default) a photo is searched about 1.7 times faster
    /// on two cores and photos take turns at the network, which keeps one run's working memory; with one, photos are
    /// searched side by side, one per core. The faces found do not depend on it.</summary>
    public int DetectionThreads
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(DetectionThreads), value, "At least one thread is needed.");
    } = Environment.ProcessorCount;
}
