namespace FaceGuard.Notebooks.Tests;

/// <summary>Paths in the repository.</summary>
internal static class Repo
{
    public static readonly string Root = FaceGuard.Testing.RepositoryFiles.Root;

    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>Where the tests put executed notebooks, logs and reports: git-ignored, kept for a look after a failure.</summary>
    public static string TestOutput => Path.Combine(Notebooks, "out", "tests");

    public static string Screenshots => Path.Combine(Root, "artifacts", "screenshots");
}
