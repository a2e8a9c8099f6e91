using System.Text.Json;

namespace FaceGuard.Notebooks.Tests;

/// <summary>A notebook as dotnet-repl saved it after running every cell: each cell's source and outputs.</summary>
public sealed record ExecutedNotebook(string Path, IReadOnlyList<ExecutedCell> Cells)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    public IEnumerable<ExecutedCell> CodeCells => Cells.Where(c => c.Kind == "code");

    /// <summary>Every text/html output of the notebook, in order.</summary>
    public IEnumerable<string> HtmlOutputs => Cells.SelectMany(c => c.Html);

    public string AllHtml => string.Join("\n", HtmlOutputs);

    /// <summary>
    /// Runs <paramref name="notebook"/> headlessly with dotnet-repl, from the notebooks folder as VS Code does (relative
    /// paths and nuget.config resolve from there), with <paramref name="settings"/> as environment variables (the
    /// Settings cell reads them), and fails with the failing cells' errors.
    /// </summary>
    public static async Task<ExecutedNotebook> RunAsync(string notebook, string executedPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(executedPath)!); // dotnet-repl crashes without it
        File.Delete(executedPath);
        var run = await ChildProcess.RunAsync("dotnet",
            ["tool", "run", "dotnet-repl", "--run", notebook, "--exit-after-run", "--output-path", executedPath],
            Repo.Notebooks, Timeout, settings);
        return Checked(notebook, executedPath, "dotnet-repl", run);
    }

    /// <summary>
    /// Runs <paramref name="notebook"/> in the Jupyter kernel registered under <paramref name="jupyterDataDir"/>
    /// (scripts/install-jupyter-kernel.sh) with <c>jupyter nbconvert --execute</c>, the route JupyterLab and VS Code's
    /// Jupyter extension take, and fails with the failing cells' errors.
    /// </summary>
    public static async Task<ExecutedNotebook> RunInJupyterAsync(string notebook, string executedPath, string jupyterDataDir,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(executedPath)!);
        File.Delete(executedPath);
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["JUPYTER_DATA_DIR"] = jupyterDataDir };
        var run = await ChildProcess.RunAsync("/usr/bin/jupyter",
            ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.kernel_name=.net-csharp",
                $"--ExecutePreprocessor.timeout={(int)Timeout.TotalSeconds}", "--output-dir", System.IO.Path.GetDirectoryName(executedPath)!,
                "--output", System.IO.Path.GetFileNameWithoutExtension(executedPath), notebook],
            Repo.Notebooks, Timeout, environment);
        return Checked(notebook, executedPath, "jupyter nbconvert", run);
    }

    private static ExecutedNotebook Checked(string notebook, string executedPath, string runner, ProcessResult run)
    {
        if (!File.Exists(executedPath))
        {
            Assert.Fail($"{runner} exited with {run.ExitCode} and wrote no notebook for {notebook}.\n{run.Tail()}");
        }

        var executed = Load(executedPath);
        var failures = executed.Cells.Where(c => c.Errors.Count > 0)
            .Select(c => $"cell {c.Index + 1} failed:\n{Indent(c.Source)}\n→ {string.Join("\n→ ", c.Errors)}")
            .ToList();
        if (run.ExitCode != 0 || failures.Count > 0)
        {
            Assert.Fail($"{System.IO.Path.GetFileName(notebook)}: {runner} exit code {run.ExitCode} (0 = every cell succeeded).\n"
                + (failures.Count > 0 ? string.Join("\n\n", failures) : run.Tail()));
        }

        return executed;
    }

    public static ExecutedNotebook Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cells = document.RootElement.GetProperty("cells").EnumerateArray().Select((cell, index) =>
        {
            var kind = cell.GetProperty("cell_type").GetString()!;
            var source = Text(cell.GetProperty("source"));
            List<string> html = [], plain = [], errors = [];
            if (cell.TryGetProperty("outputs", out var outputs))
            {
                foreach (var output in outputs.EnumerateArray())
                {
                    var type = output.GetProperty("output_type").GetString();
                    if (type == "error")
                    {
                        errors.Add($"{Get(output, "ename")}: {Get(output, "evalue")}");
                    }
                    else if (type == "stream" && Get(output, "name") == "stderr")
                    {
                        errors.Add("stderr: " + Text(output.GetProperty("text")));
                    }
                    else if (output.TryGetProperty("data", out var data))
                    {
                        if (data.TryGetProperty("text/html", out var h)) html.Add(Text(h));
                        if (data.TryGetProperty("text/plain", out var p)) plain.Add(Text(p));
                    }
                }
            }

            return new ExecutedCell(index, kind, source, html, plain, errors);
        }).ToList();
        return new ExecutedNotebook(path, cells);
    }

    /// <summary>The code cell that is exactly <paramref name="code"/>.</summary>
    public ExecutedCell Cell(string code) =>
        CodeCells.SingleOrDefault(c => c.Source.Trim() == code)
        ?? throw new InvalidOperationException($"No single code cell of {Path} is \"{code}\".");

    public ExecutedCell CellContaining(string code) =>
        CodeCells.SingleOrDefault(c => c.Source.Contains(code, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No single code cell of {Path} contains \"{code}\".");

    private static string Get(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    /// <summary>nbformat stores text as a string or as a list of lines.</summary>
    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Concat(value.EnumerateArray().Select(l => l.GetString())) : value.GetString() ?? "";

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "    " + l));
}

public sealed record ExecutedCell(int Index, string Kind, string Source, IReadOnlyList<string> Html, IReadOnlyList<string> Plain, IReadOnlyList<string> Errors)
{
    public string AllHtml => string.Join("\n", Html);
}

internal static class Text
{
    public static int Occurrences(this string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
