namespace FaceGuard.Notebooks.Tests;

/// <summary>
/// Packs the library into the notebook feed once for all notebook tests (scripts/pack-notebook-feed.sh, a new dev
/// version), restores dotnet-repl, the pinned local tool that runs notebooks in VS Code's kernel, and registers the
/// Jupyter kernel with scripts/install-jupyter-kernel.sh in a folder of the test run's own (nothing of the user's
/// Jupyter setup is touched).
/// </summary>
public sealed class NotebookFeed : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The version this pack produced; every notebook must report loading exactly this one.</summary>
    public string Version { get; private set; } = "";

    /// <summary>JUPYTER_DATA_DIR holding the .net-csharp kernelspec the tests use.</summary>
    public string JupyterDataDir { get; } = Path.Combine(Repo.TestOutput, "jupyter");

    public async Task InitializeAsync()
    {
        var tools = await ChildProcess.RunAsync("dotnet", ["tool", "restore"], Repo.Root, PackTimeout);
        Assert.True(tools.ExitCode == 0, "dotnet tool restore failed:\n" + tools.Tail());

        var pack = await ChildProcess.RunAsync("bash", [Path.Combine(Repo.Root, "scripts", "pack-notebook-feed.sh")], Repo.Root, PackTimeout);
        Assert.True(pack.ExitCode == 0, "scripts/pack-notebook-feed.sh failed:\n" + pack.Tail());
        Version = pack.StdOut.Trim().Split('\n')[^1].Trim();
        Assert.Matches(@"^0\.1\.0-dev\.\d{14}$", Version);

        if (Directory.Exists(Repo.TestOutput)) Directory.Delete(Repo.TestOutput, recursive: true);
        Directory.CreateDirectory(Repo.TestOutput);

        var kernel = await ChildProcess.RunAsync("bash", [Path.Combine(Repo.Root, "scripts", "install-jupyter-kernel.sh")], Repo.Root, PackTimeout,
            new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = JupyterDataDir });
        Assert.True(kernel.ExitCode == 0, "scripts/install-jupyter-kernel.sh failed:\n" + kernel.Tail());
        Assert.True(File.Exists(Path.Combine(JupyterDataDir, "kernels", ".net-csharp", "kernel.json")), "no kernelspec was registered:\n" + kernel.Tail());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Notebook tests share one pack and run one after another: each kernel wants both cores.</summary>
[CollectionDefinition(Name)]
public sealed class NotebookCollection : ICollectionFixture<NotebookFeed>
{
    public const string Name = "notebooks";
}
