using System.Diagnostics;

namespace FaceGuard.Analysis.LoadTests;

/// <summary>The locustfile FaceGuard ships (deploy/locust/locustfile.py, copied beside the program at build time),
/// and the version of the Locust that runs it.</summary>
public static class Locustfile
{
    public const string RepositoryPath = "deploy/locust/locustfile.py";

    /// <summary>The copy beside the program, else the repository's, found from the current folder up.</summary>
    public static string Shipped()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "locust", "locustfile.py");
        if (File.Exists(beside)) return beside;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, RepositoryPath);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"The locustfile is neither beside the program nor at {RepositoryPath} above {Directory.GetCurrentDirectory()}.");
    }

    /// <summary>"2.12.1" from `locust --version`; Debian's build reports an empty version there, so then the
    /// package's own ("2.12.1-1 (python3-locust)").</summary>
    public static string Version(string locustPath)
    {
        string reported = Output(locustPath, "--version").Replace("locust", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (reported.Any(char.IsDigit)) return reported.Split(' ')[0];
        string package = Output("dpkg-query", "-W", "-f=${Version}", "python3-locust").Trim();
        return package.Length > 0 ? $"{package} (python3-locust)" : "unknown";
    }

    private static string Output(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start);
            if (process is null) return "";
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                return "";
            }
            return output.Result + error.Result;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return ""; // not installed
        }
    }
}
