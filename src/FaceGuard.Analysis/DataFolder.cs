namespace FaceGuard.Analysis;

/// <summary>Finds the repository's data/ folder from the current folder or the program's, walking up.</summary>
public static class DataFolder
{
    public static string Resolve(string relativePath = "")
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string data = Path.Combine(dir.FullName, "data");
                if (Directory.Exists(Path.Combine(data, "models")) || Directory.Exists(Path.Combine(data, "images")))
                {
                    string candidate = Path.Combine(data, relativePath);
                    if (Path.Exists(candidate)) return candidate;
                }
            }
        }
        throw new DirectoryNotFoundException($"Could not find data/{relativePath} above {Directory.GetCurrentDirectory()}; pass the path explicitly.");
    }
}
