namespace FaceGuard.Analysis.Targets;

/// <summary>A photo a load test sends, held in memory so reading files never shows up in the latencies.</summary>
public sealed record TestImage(string Name, byte[] Bytes);

public static class TestImages
{
    /// <summary>One file, or every JPEG/PNG/WebP in a folder (sorted by name, not recursive).</summary>
    public static IReadOnlyList<TestImage> Load(string path)
    {
        if (File.Exists(path)) return [new TestImage(Path.GetFileName(path), File.ReadAllBytes(path))];
        if (!Directory.Exists(path)) throw new FileNotFoundException($"No photo or folder at {path}.", path);
        var images = Directory.EnumerateFiles(path)
            .Where(Batches.PhotoBatch.IsPhoto)
            .Order(StringComparer.Ordinal)
            .Select(f => new TestImage(Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();
        return images.Count > 0 ? images : throw new FileNotFoundException($"No .jpg, .png or .webp photo in {path}.", path);
    }

    /// <summary>The repository's sample photos (data/images/photos), found from the current folder or the program's.</summary>
    public static IReadOnlyList<TestImage> Samples() => Load(DataFolder.Resolve("images/photos"));
}
