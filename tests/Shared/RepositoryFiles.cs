namespace FaceGuard.Testing;

/// <summary>Files of the repository the tests were built from, found by walking up to the solution file.
/// Linked into every test project (tests/Directory.Build.props).</summary>
internal static class RepositoryFiles
{
    public const string SolutionFile = "FaceGuardAnalysis.sln";

    public static string Root { get; } = FindRoot();

    public static string Data(params string[] parts) => Path.Combine([Root, "data", .. parts]);

    /// <summary>A labelled real photo from data/images/photos.</summary>
    public static string Photo(string name) => Data("images", "photos", name);

    public static byte[] PhotoBytes(string name) => File.ReadAllBytes(Photo(name));

    /// <summary>A path under artifacts/ (git-ignored: screenshots, run logs), its folder created.</summary>
    public static string Artifacts(params string[] parts)
    {
        string path = Path.Combine([Root, "artifacts", .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains {SolutionFile}.");
    }
}
