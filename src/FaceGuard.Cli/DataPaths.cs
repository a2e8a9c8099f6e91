namespace FaceGuard.Cli;

/// <summary>Finds the repository's data/ folder, so defaults work from the repo root, a sub-folder or the build output.</summary>
internal static class DataPaths
{
    public static string Resolve(string relativeToData)
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data", relativeToData);
                if (Path.Exists(candidate)) return candidate;
            }
        }
        throw new DirectoryNotFoundException($"Could not find data/{relativeToData} above {Directory.GetCurrentDirectory()}; pass the path explicitly.");
    }
}
