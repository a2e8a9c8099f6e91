using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace FaceGuard.Notebooks.Tests;

/// <summary>
/// The shareable report: scripts/render-notebook.sh executes 02-analyze and renders it to one HTML file, which headless
/// Chromium (Debian's, networking off) opens from disk and draws every chart of.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class RenderedReportTests(NotebookFeed feed)
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const float TimeoutMs = 60_000;
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromMinutes(4);

    /// <summary>02-analyze's charts: trend, windows, faces, memory, histogram, percentiles, stages.</summary>
    private const int Charts = 7;

    [Fact]
    public async Task Rendered_analysis_is_one_html_file_whose_charts_draw_offline_in_chromium()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing; install it with scripts/install-system-deps.sh test.");
        var report = Path.Combine(Repo.TestOutput, "02-analyze.html");
        File.Delete(report);

        var render = await ChildProcess.RunAsync("bash",
            [Path.Combine(Repo.Root, "scripts", "render-notebook.sh"), Path.Combine(Repo.Notebooks, "02-analyze.ipynb"), "-o", report,
                "--log", "data/logs/samples/sample-run.csv"],
            Repo.Root, RenderTimeout);
        Assert.True(render.ExitCode == 0, $"render-notebook.sh exited with {render.ExitCode}:\n{render.Tail()}");
        Assert.Equal(report, render.StdOut.Trim().Split('\n')[^1]);

        var html = await File.ReadAllTextAsync(report);
        Assert.Contains($"FaceGuard.Analysis {feed.Version}", html);
        Assert.Equal(1, html.Occurrences("data-faceguard-plotlyjs"));
        Assert.DoesNotContain("<script src=", html);
        Assert.DoesNotContain("<link rel=\"stylesheet\" href=\"http", html);
        Assert.DoesNotContain("Installing Packages", html);
        Assert.DoesNotContain("Loading extensions from", html);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            // A fresh profile (Playwright's own temporary one), and no network: every request other than loopback goes
            // to a proxy on a closed port, and Chromium's own background traffic is off.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-default-apps", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"],
            Timeout = TimeoutMs,
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        context.SetDefaultTimeout(TimeoutMs);
        var requested = new ConcurrentQueue<string>();
        var page = await context.NewPageAsync();
        page.Request += (_, request) => requested.Enqueue(request.Url);
        var consoleErrors = new ConcurrentQueue<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Enqueue(message.Text); };
        page.PageError += (_, error) => consoleErrors.Enqueue(error);

        await page.GotoAsync(new Uri(report).AbsoluteUri);
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('.js-plotly-plot').length === {Charts} && " +
            "[...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg .plot'))");

        Assert.Equal(Charts, await page.Locator(".js-plotly-plot").CountAsync());
        Assert.True(await page.Locator(".main-svg").CountAsync() >= Charts);
        Assert.True(await page.Locator(".js-plotly-plot .scatterlayer .trace").CountAsync() > 0, "no line was drawn");
        Assert.Equal(2, await page.Locator("table.fg-describe").CountAsync()); // the latency column's, then the run's
        Assert.True(await page.Locator("table.fg-describe").Last.IsVisibleAsync());
        Assert.Empty(consoleErrors);
        Assert.All(requested, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
            $"The report requested {url}; it must need nothing but itself."));

        Directory.CreateDirectory(Repo.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "notebook-02-analyze.png"), FullPage = true });
    }

    [Fact]
    public async Task A_comparison_renders_from_runs_given_on_the_command_line_through_the_Jupyter_kernel()
    {
        var report = Path.Combine(Repo.TestOutput, "03-compare.html");
        File.Delete(report);

        // The sample runs the other way round: high sensitivity as the baseline, so the current run is the faster one.
        var render = await ChildProcess.RunAsync("bash",
            [Path.Combine(Repo.Root, "scripts", "render-notebook.sh"), Path.Combine(Repo.Notebooks, "03-compare.ipynb"), "-o", report, "--jupyter",
                "--baseline", "data/logs/samples/sample-run-high.csv", "--current", "data/logs/samples/sample-run.csv"],
            Repo.Root, RenderTimeout, new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = feed.JupyterDataDir });

        Assert.True(render.ExitCode == 0, $"render-notebook.sh exited with {render.ExitCode}:\n{render.Tail()}");
        var html = await File.ReadAllTextAsync(report);
        Assert.Contains("Current is faster", html);
        Assert.Contains($"FaceGuard.Analysis {feed.Version}", html);
        Assert.DoesNotContain("dotnet-interactive-this-cell", html); // the kernel's probe for its HTTP API is left out
        Assert.Equal(1, html.Occurrences("data-faceguard-plotlyjs"));
    }

    [Theory]
    [InlineData("03-compare.ipynb", "--log", "data/logs/samples/sample-run.csv", "03-compare.ipynb has no setting FACEGUARD_LOG; it reads: FACEGUARD_BASELINE FACEGUARD_CURRENT")]
    [InlineData("02-analyze.ipynb", "--set", "FACEGUARD_LATENCY_TRESHOLD_MS=300", "02-analyze.ipynb has no setting FACEGUARD_LATENCY_TRESHOLD_MS")]
    [InlineData("02-analyze.ipynb", "--lgo", "x.csv", "unknown option --lgo")]
    [InlineData("02-analyze.ipynb", "--log", "no-such.csv", "no file at no-such.csv")]
    public async Task A_mistyped_option_or_setting_is_refused_before_anything_runs(string notebook, string option, string value, string message)
    {
        var render = await ChildProcess.RunAsync("bash",
            [Path.Combine(Repo.Root, "scripts", "render-notebook.sh"), Path.Combine(Repo.Notebooks, notebook), "-o", Path.Combine(Repo.TestOutput, "refused.html"), option, value],
            Repo.Root, RenderTimeout);

        Assert.Equal(1, render.ExitCode);
        Assert.Contains(message, render.StdErr);
        Assert.False(File.Exists(Path.Combine(Repo.TestOutput, "refused.html")));
    }
}
