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

    /// <summary>Threads one photo's detection passes may use. High sensitivity runs dozens of passes, so spreading them
    /// over the cores halves a photo's latency on two; under full load it costs nothing but a little scheduling.</summary>
    public int DetectionThreads
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(DetectionThreads), value, "At least one thread is needed.");
    } = Environment.ProcessorCount;
}
