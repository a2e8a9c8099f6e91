using System.Text.Json;

namespace FaceGuard.Analysis.Logs;

/// <summary>
/// A run on disk: the request log (run.csv), the resource log beside it (run.resources.csv) and the manifest
/// (run.manifest.json). Loading needs only the request log; the other two are used when present.
/// </summary>
public static class RunFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ResourcesPath(string requestLogPath) => Sibling(requestLogPath, ".resources.csv");

    public static string ManifestPath(string requestLogPath) => Sibling(requestLogPath, ".manifest.json");

    public static void Save(RunLog run, string requestLogPath)
    {
        RequestLogCsv.Write(requestLogPath, run.Requests);
        ResourceLogCsv.Write(ResourcesPath(requestLogPath), run.Resources);
        if (run.Manifest is { } manifest) File.WriteAllText(ManifestPath(requestLogPath), JsonSerializer.Serialize(manifest, Json));
    }

    public static RunLog Load(string requestLogPath)
    {
        var requests = RequestLogCsv.Read(requestLogPath);
        string resources = ResourcesPath(requestLogPath), manifest = ManifestPath(requestLogPath);
        return new RunLog(
            requests,
            File.Exists(resources) ? ResourceLogCsv.Read(resources) : Frames.ResourceFrame.From([]),
            File.Exists(manifest) ? JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(manifest), Json) : null);
    }

    /// <summary>The newest request log in a folder (resource logs excluded), or null when there is none.</summary>
    public static string? Newest(string folder) =>
        Directory.Exists(folder)
            ? new DirectoryInfo(folder).EnumerateFiles("*.csv")
                .Where(f => !f.Name.EndsWith(".resources.csv", StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()?.FullName
            : null;

    private static string Sibling(string requestLogPath, string suffix) =>
        Path.Combine(Path.GetDirectoryName(requestLogPath) ?? "", Path.GetFileNameWithoutExtension(requestLogPath) + suffix);
}
