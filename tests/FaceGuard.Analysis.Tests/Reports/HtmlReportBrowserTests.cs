using System.Text.RegularExpressions;
using FaceGuard.Analysis.Reports;
using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Reports;

/// <summary>The report in a real headless chromium with no network: every chart must draw from the inlined plotly.js.</summary>
public sealed class HtmlReportBrowserTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_chart_draws_in_headless_chromium_without_network_and_a_screenshot_is_kept()
    {
        var current = Realistic();
        var comparison = RunComparison.Of(Realistic("last-release", scale: 0.85), current);
        var folder = Directory.CreateTempSubdirectory("faceguard-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "report.html");
            HtmlReport.Save(path, RunAnalysis.Of(current), current, comparison);

            var dom = await HeadlessChromium.DumpDomAsync(path, Timeout);

            // Trend, percentiles, histogram, memory, stages, comparison. plotly.js 2.28 draws each chart into three
            // svg.main-svg layers (plot, top paper, hover), inside one div.plot-container.
            const int charts = 6;
            Assert.Equal(charts, Regex.Count(dom, "class=\"plot-container plotly\""));
            Assert.Equal(3 * charts, Regex.Count(dom, "class=\"main-svg\""));
            Assert.Contains("Latency and CPU per request", dom);
            Assert.Contains("CPU (% of one core)", dom);

            await HeadlessChromium.ScreenshotAsync(path, FaceGuard.Testing.RepositoryFiles.Artifacts("screenshots", "report.png"), 1200, 3000, Timeout);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Charts_draw_even_when_the_page_has_an_amd_loader()
    {
        // Notebook viewers put RequireJS on the page; a bare UMD plotly.js would register with it and leave no window.Plotly.
        var log = Realistic();
        var html = HtmlReport.Render(RunAnalysis.Of(log), log).Replace(
            "<head>\n", "<head>\n<script>window.define = function () {}; window.define.amd = {}; window.module = {}; window.exports = {};</script>\n");
        var folder = Directory.CreateTempSubdirectory("faceguard-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "report.html");
            await File.WriteAllTextAsync(path, html);

            var dom = await HeadlessChromium.DumpDomAsync(path, Timeout);

            Assert.Equal(5, Regex.Count(dom, "class=\"plot-container plotly\""));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
