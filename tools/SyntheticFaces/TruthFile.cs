using System.Text.Json;

namespace SyntheticFaces;

/// <summary>
/// faces.json, the shared ground-truth format: <c>{"images":[{"file","width","height","faces":[{"x","y","w","h","difficult"}]}]}</c>.
/// Read here for the labelled photos, written by <see cref="TruthJsonWriter"/> for the generated set.
/// </summary>
internal sealed record TruthFile(List<TruthImage> Images)
{
    public const string FileName = "faces.json";

    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };

    public static TruthFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new IOException($"{path} not found (run from the repository root or pass --photos)");
        }

        return JsonSerializer.Deserialize<TruthFile>(File.ReadAllText(path), ReadOptions)
            ?? throw new InvalidDataException($"{path} is empty");
    }
}

internal sealed record TruthImage(string File, int Width, int Height, List<TruthBox> Faces);

internal sealed record TruthBox(int X, int Y, int W, int H, bool Difficult);
