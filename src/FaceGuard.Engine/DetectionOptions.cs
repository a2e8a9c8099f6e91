namespace FaceGuard.Engine;

/// <summary>How hard to look for faces. Immutable; values are checked when set.</summary>
public sealed record DetectionOptions
{
    /// <summary>MediaPipe's own minimum score for its face detection graphs.</summary>
    public const float DefaultScoreThreshold = 0.5f;

    /// <summary>Photos larger than this on their longest side are searched on a downscaled copy.</summary>
    public const int DefaultMaxDetectionSide = 2000;

    public static DetectionOptions Default { get; } = new();

    public DetectorModel Model { get; init; } = DetectorModel.YuNet;

    public Sensitivity Sensitivity { get; init; } = Sensitivity.Normal;

    /// <summary>Detections scoring below this (0–1) are dropped. Lower finds more faces and more false alarms.</summary>
    public float ScoreThreshold
    {
        get;
        init => field = value is > 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(ScoreThreshold), value, "The score threshold must be between 0 and 1 (exclusive).");
    } = DefaultScoreThreshold;

    /// <summary>Give every detection below 0.85 a second look (a wider crop, and the other model) and drop those that
    /// do not score 0.7 again. Cuts false alarms from tiling by an order of magnitude; turn off only to measure.</summary>
    public bool Confirm { get; init; } = true;

    /// <summary>Longest side, in pixels, of the copy that is searched; boxes are mapped back to the full image.</summary>
    public int MaxDetectionSide
    {
        get;
        init => field = value >= 256 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDetectionSide), value, "The detection side must be at least 256 pixels.");
    } = DefaultMaxDetectionSide;
}
