namespace FaceGuard.Analysis.Evaluation;

/// <summary>Face size classes by the longer side of the true box, in pixels of the full photo.</summary>
public enum FaceSizeBucket
{
    /// <summary>Under 32 px: faces at the back of a group photo.</summary>
    Small,

    /// <summary>32 to 96 px.</summary>
    Medium,

    /// <summary>Over 96 px.</summary>
    Large,
}

public static class FaceSizeBuckets
{
    public const int SmallBelow = 32;
    public const int LargeAbove = 96;

    public static FaceSizeBucket Of(int size) => size < SmallBelow ? FaceSizeBucket.Small : size > LargeAbove ? FaceSizeBucket.Large : FaceSizeBucket.Medium;

    public static string Label(FaceSizeBucket bucket) => bucket switch
    {
        FaceSizeBucket.Small => $"< {SmallBelow} px",
        FaceSizeBucket.Medium => $"{SmallBelow}-{LargeAbove} px",
        FaceSizeBucket.Large => $"> {LargeAbove} px",
        _ => bucket.ToString(),
    };
}
