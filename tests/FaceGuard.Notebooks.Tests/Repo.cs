using System.Diagnostics;
using System.Text;

namespace FaceGuard.Notebooks.Tests;

/// <summary>Paths in the repository, and child processes started the way a person would start them.</summary>
internal static class Repo
{
    public static readonly string Root = FaceGuard.Testing.RepositoryFiles.Root;

    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>Where the tests put executed notebooks, logs and reports: git-ignored, kept for a look after a failure.</summary>
    public static string TestOutput => Path.Combine(Notebooks, "out", "tests");

    public static string Screenshots => Path.Combine(Root, "artifacts", "screenshots");

    public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
    {
        public string Tail(int chars = 4000)
        {
            var both = $"stdout:\n{StdOut}\nstderr:\n{StdErr}";
            return both.Length <= chars ? both : "…" + both[^chars..];
        }
    }

    /// <summary>Runs a program to its end, or kills its whole tree after <paramref name="timeout"/> and throws.</summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        // A `dotnet test` run hands its MSBuild settings down through the environment; a nested dotnet pack or
        // dotnet-repl must not build with them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds:0} s.\n"
                + new ProcessResult(-1, stdout.ToString(), stderr.ToString()).Tail());
        }

        process.WaitForExit(); // drain the output events
        return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }
}
