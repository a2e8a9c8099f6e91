namespace FaceGuard.Engine;

/// <summary>Everything one <see cref="FaceAnonymizer.Anonymize(ReadOnlySpan{byte}, AnonymizeOptions?)"/> call can vary.</summary>
public sealed record AnonymizeOptions
{
    public const int DefaultJpegQuality = 90;

    public static AnonymizeOptions Default { get; } = new();

    public DetectionOptions Detection { get; init; } = DetectionOptions.Default;

    public MaskOptions Mask { get; init; } = MaskOptions.Default;

    public OutputFormat Format { get; init; } = OutputFormat.Jpeg;

    public int JpegQuality
    {
        get;
        init => field = value is >= 1 and <= 100 ? value : throw new ArgumentOutOfRangeException(nameof(JpegQuality), value, "The JPEG quality must be between 1 and 100.");
    } = DefaultJpegQuality;
}
