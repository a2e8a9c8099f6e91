namespace FaceGuard.Analysis.Tests.Reports;

/// <summary>Debian's chromium, headless, as a child process with networking cut off: no proxy that answers,
/// no background traffic. Whatever a page needs must be in the page.</summary>
internal static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>The page's DOM after its scripts ran (virtual time lets timers and rendering finish first).</summary>
    public static async Task<string> DumpDomAsync(string htmlPath, TimeSpan timeout) =>
        (await RunAsync(["--virtual-time-budget=15000", "--dump-dom", FileUrl(htmlPath)], timeout)).Trim();

    public static async Task ScreenshotAsync(string htmlPath, string pngPath, int widthPx, int heightPx, TimeSpan timeout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pngPath)!);
        File.Delete(pngPath);
        await RunAsync(["--virtual-time-budget=15000", "--hide-scrollbars", $"--window-size={widthPx},{heightPx}", $"--screenshot={Path.GetFullPath(pngPath)}", FileUrl(htmlPath)], timeout);
        if (!File.Exists(pngPath))
        {
            throw new InvalidOperationException($"chromium wrote no screenshot to {pngPath}.");
        }
    }

    private static string FileUrl(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    private static async Task<string> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing; scripts/install-system-deps.sh installs Debian's chromium.");
        }

        var profile = Directory.CreateTempSubdirectory("faceguard-chromium-");
        try
        {
            var run = await ChildProcess.RunAsync(Executable,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}",
                "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                .. arguments,
            ], profile.FullName, timeout);
            if (run.ExitCode != 0) throw new InvalidOperationException($"chromium exited with {run.ExitCode}: {run.StdErr}");
            return run.StdOut;
        }
        finally
        {
            TryDelete(profile);
        }
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // chromium's helpers may still hold a file for a moment; a stale temp profile is harmless.
        }
    }
}
