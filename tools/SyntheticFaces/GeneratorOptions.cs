namespace SyntheticFaces;

/// <summary>What to generate and from what; the defaults make the committed set <c>data/images/synthetic</c>.</summary>
internal sealed record GeneratorOptions
{
    public const ulong DefaultSeed = 42;
    public const int DefaultCount = 12;
    public const int DefaultWidth = 1920;
    public const int DefaultHeight = 1280;
    public const int DefaultMinFaces = 3;
    public const int DefaultMaxFaces = 25;
    public const int DefaultMinFaceSize = 16;
    public const int DefaultMaxFaceSize = 200;
    public const int DefaultJpegQuality = 92;

    public static readonly string DefaultPhotosDir = Path.Combine("data", "images", "photos");
    public static readonly string DefaultOutDir = Path.Combine("data", "images", "synthetic");

    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>Folder of the labelled photos and their <c>faces.json</c>: the face sources and the backgrounds.</summary>
    public string PhotosDir { get; init; } = DefaultPhotosDir;

    public string OutDir { get; init; } = DefaultOutDir;

    /// <summary>Number of images to generate.</summary>
    public int Count { get; init; } = DefaultCount;

    public int Width { get; init; } = DefaultWidth;

    public int Height { get; init; } = DefaultHeight;

    /// <summary>Faces drawn per image; fewer may fit.</summary>
    public int MinFaces { get; init; } = DefaultMinFaces;

    public int MaxFaces { get; init; } = DefaultMaxFaces;

    /// <summary>Smallest face box height, px.</summary>
    public int MinFaceSize { get; init; } = DefaultMinFaceSize;

    /// <summary>Largest face box height, px.</summary>
    public int MaxFaceSize { get; init; } = DefaultMaxFaceSize;

    public int JpegQuality { get; init; } = DefaultJpegQuality;
}
