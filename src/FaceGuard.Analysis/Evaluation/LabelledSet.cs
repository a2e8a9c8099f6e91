using FaceGuard.Engine;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaceGuard.Analysis.Evaluation;

/// <summary>A face a person marked by hand (or the synthetic set's generator placed), in pixels of the upright image.</summary>
/// <param name="Difficult">Hardly recognisable as a face (tiny, hidden, blurred): finding it is not a false alarm,
/// missing it does not count against recall.</param>
public sealed record TruthFace(
    [property: JsonPropertyName("x")] int X,
    [property: JsonPropertyName("y")] int Y,
    [property: JsonPropertyName("w")] int Width,
    [property: JsonPropertyName("h")] int Height,
    [property: JsonPropertyName("difficult")] bool Difficult = false)
{
    [JsonIgnore] public BoundingBox Box => new(X, Y, Width, Height);

    [JsonIgnore] public int Size => Math.Max(Width, Height);
}

/// <summary>One photo of a labelled set and the faces in it.</summary>
public sealed record LabelledImage(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("faces")] IReadOnlyList<TruthFace> Faces);

/// <summary>A folder of photos with a <c>faces.json</c> listing the true face boxes of each.</summary>
public sealed record LabelledSet(string Folder, IReadOnlyList<LabelledImage> Images)
{
    public const string TruthFileName = "faces.json";

    public string Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(Folder));

    public string PathOf(LabelledImage image) => Path.Combine(Folder, image.File);

    public static LabelledSet Load(string folder)
    {
        string truthPath = Path.Combine(folder, TruthFileName);
        if (!System.IO.File.Exists(truthPath))
            throw new FileNotFoundException($"No {TruthFileName} in {folder}: a labelled set is a folder of photos with a {TruthFileName} beside them.", truthPath);
        using var stream = System.IO.File.OpenRead(truthPath);
        var document = JsonSerializer.Deserialize<TruthDocument>(stream)
            ?? throw new InvalidDataException($"{truthPath} is empty.");
        return new LabelledSet(folder, document.Images);
    }

    private sealed record TruthDocument([property: JsonPropertyName("images")] IReadOnlyList<LabelledImage> Images);
}
