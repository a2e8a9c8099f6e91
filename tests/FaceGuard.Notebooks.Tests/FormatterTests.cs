using FaceGuard.Analysis;
using FaceGuard.Analysis.Interactive;
using FaceGuard.Analysis.Statistics;
using Plotly.NET.CSharp;

namespace FaceGuard.Notebooks.Tests;

/// <summary>The extension's formatting, without a kernel.</summary>
public sealed class FormatterTests
{
    private static Plotly.NET.GenericChart AChart() => Chart.Line<double, double, string>(x: [1.0, 2, 3], y: [10.0, 30, 20], Name: "</script><b>x</b>");

    [Fact]
    public void Charts_carry_plotly_js_in_the_first_output_of_each_session_only()
    {
        object first = new(), second = new();

        var a = ChartHtml.Render(AChart(), first);
        var b = ChartHtml.Render(AChart(), first);
        var c = ChartHtml.Render(AChart(), second);

        Assert.Contains(ChartHtml.LibraryMarker, a);
        Assert.DoesNotContain(ChartHtml.LibraryMarker, b);
        Assert.Contains(ChartHtml.LibraryMarker, c);
        Assert.All(new[] { a, b, c }, html => Assert.Contains("Plotly.newPlot('", html));
    }

    [Fact]
    public void Chart_waits_for_plotly_and_text_from_the_data_cannot_end_its_script()
    {
        var html = ChartHtml.ChartOnly(AChart());

        Assert.Contains("typeof window.Plotly !== 'undefined'", html);
        Assert.Equal(1, html.Occurrences("</script>"));
        Assert.DoesNotContain("src=", html);
    }

    [Fact]
    public void Describe_table_has_pandas_rows_in_invariant_numbers()
    {
        var html = RunHtml.Distribution(Distribution.Describe([1200.5, 1000, 1500.25]), "Latency_ms");

        Assert.Contains("<table class=\"fg-describe\">", html);
        foreach (var row in new[] { "count", "mean", "std", "min", "25%", "50%", "75%", "max", "p95" }) Assert.Contains($"<th>{row}</th>", html);
        Assert.Contains("<td class=\"num\">1,500.25</td>", html);
        Assert.Contains("<td class=\"num\">3</td>", html);
    }

    [Fact]
    public void Verdict_text_from_the_data_is_encoded()
    {
        var html = RunHtml.Verdicts([new Verdict(Severity.Alert, "HTTP 500: <script>alert(1)</script>")]);

        Assert.Contains("<li class=\"alert\"><span class=\"badge\">Alert</span> HTTP 500: &lt;script&gt;", html);
    }

    [Fact]
    public void Build_is_stale_when_a_source_is_newer_or_the_feed_has_a_newer_package()
    {
        var root = Directory.CreateTempSubdirectory("faceguard-buildinfo-").FullName;
        try
        {
            var built = DateTimeOffset.UtcNow.AddMinutes(-10);
            var source = Path.Combine(root, "src", "FaceGuard.Analysis", "RunAnalysis.cs");
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, "");
            File.SetLastWriteTimeUtc(source, built.UtcDateTime.AddMinutes(-5));
            var objFile = Path.Combine(root, "src", "FaceGuard.Analysis", "obj", "Generated.cs");
            Directory.CreateDirectory(Path.GetDirectoryName(objFile)!);
            File.WriteAllText(objFile, ""); // build output, newer, ignored
            Directory.CreateDirectory(Path.Combine(root, ".feed"));
            File.WriteAllText(Path.Combine(root, ".feed", "FaceGuard.Analysis.0.1.0-dev.20260101000000.nupkg"), "");

            Assert.Empty(BuildInfo.StaleReasonsIn(root, "0.1.0-dev.20260101000000", built));

            File.SetLastWriteTimeUtc(source, built.UtcDateTime.AddMinutes(1));
            File.WriteAllText(Path.Combine(root, ".feed", "FaceGuard.Analysis.0.1.0-dev.20260101000100.nupkg"), "");
            var reasons = BuildInfo.StaleReasonsIn(root, "0.1.0-dev.20260101000000", built);

            Assert.Equal(2, reasons.Count);
            Assert.Contains(Path.Combine("src", "FaceGuard.Analysis", "RunAnalysis.cs"), reasons[0]);
            Assert.Contains("scripts/pack-notebook-feed.sh", reasons[0]);
            Assert.Contains("0.1.0-dev.20260101000100", reasons[1]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
