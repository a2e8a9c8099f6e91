namespace FaceGuard.Analysis;

/// <summary>Where a run's memory readings came from.</summary>
public enum MemorySource
{
    /// <summary>No readings: neither resource samples nor a Memory_MB column.</summary>
    None,

    /// <summary>The sampler's readings of the watched process.</summary>
    ResourceSamples,

    /// <summary>The Memory_MB column of the request rows (a classic log, which has no resource file).</summary>
    RequestRows,
}
