using System.Globalization;
using System.Text.RegularExpressions;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Reports;
using FaceGuard.Analysis.Tests.Charts;

namespace FaceGuard.Analysis.Tests.Reports;

/// <summary>A week of monitoring in the classic script's format: a million rows must load, be judged on every row,
/// and make a report small enough to share that still opens and draws.</summary>
public sealed class LargeLogTests
{
    private const int Rows = 1_000_000;
    private const int FailEvery = 500;
    private const int SpikeId = 777_777;
    private const double SpikeMs = 5000;

    [Fact]
    public async Task A_million_row_classic_log_is_judged_on_every_row_and_its_report_stays_under_10_MB_and_draws()
    {
        var folder = Directory.CreateTempSubdirectory("faceguard-large-");
        try
        {
            string csv = Path.Combine(folder.FullName, "week.csv");
            var latencies = WriteClassicLog(csv);

            var log = RunFiles.Load(csv);
            var analysis = RunAnalysis.Of(log);

            Assert.Equal(Rows, log.Requests.Rows.Count);
            Assert.Equal(Rows / FailEvery, analysis.Failures);
            Assert.Equal(latencies.Length, analysis.LatencyMs.Count);
            Assert.Equal(latencies.Average(), analysis.LatencyMs.Mean, 1e-9);
            Assert.Equal(SpikeMs, analysis.LatencyMs.Max);
            Assert.Equal(latencies.Min(), analysis.LatencyMs.Min);
            Assert.Contains(analysis.Verdicts, v => v.Text.Contains("outside the 200–400 ms band", StringComparison.Ordinal));

            string html = Path.Combine(folder.FullName, "week.html");
            HtmlReport.Save(html, analysis, log);
            long size = new FileInfo(html).Length;
            Assert.True(size <= 10_000_000, $"The report is {size / 1e6:0.0} MB.");

            // The trend is drawn reduced, says so, and the one 5-second request is still on it.
            var text = await File.ReadAllTextAsync(html);
            var trend = HtmlReportTests.Chart(text, "chart-latency-trend");
            Assert.Contains("998,000 requests drawn as the min and max of", trend.Title); // the successful ones
            Assert.Contains(SpikeMs, PlotlyJson.Numbers(trend.Trace("Latency (ms)"), "y"));
            Assert.InRange(PlotlyJson.Numbers(trend.Trace("Latency (ms)"), "y").Length, 1000, 4000);

            var dom = await HeadlessChromium.DumpDomAsync(html, TimeSpan.FromMinutes(3));
            int charts = Regex.Count(text, "<div id=\"chart-");
            Assert.Equal(charts, Regex.Count(dom, "class=\"plot-container plotly\""));
            // Long traces are WebGL: their canvases are there, and plotly.js put up no "WebGL is not supported" notice.
            var page = Regex.Replace(dom, "<script.*?</script>", "", RegexOptions.Singleline);
            Assert.Contains("gl-canvas", page);
            Assert.DoesNotContain("WebGL", page);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Latencies 200–300 ms with a slow spell (×3) for 300 of every 10,000 requests, every 500th request
    /// failed, one 5-second request. Returns the successful latencies as written.</summary>
    private static double[] WriteClassicLog(string path)
    {
        var latencies = new List<double>(Rows);
        var start = new DateTime(2026, 1, 5);
        using var writer = new StreamWriter(path);
        writer.WriteLine("Timestamp,Request_ID,Latency_ms,CPU_Percent,Memory_MB");
        for (int id = 1; id <= Rows; id++)
        {
            string latency;
            if (id % FailEvery == 0) latency = "Failed";
            else
            {
                double ms = id == SpikeId ? SpikeMs : Math.Round((200 + id * 7919 % 1000 / 10.0) * (id % 10_000 < 300 ? 3 : 1), 2);
                latencies.Add(ms);
                latency = ms.ToString(CultureInfo.InvariantCulture);
            }
            writer.Write(start.AddSeconds(id * 0.6).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(id.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(latency);
            writer.Write(',');
            writer.Write((40 + id % 17).ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.WriteLine((150 + id % 1000 / 100.0).ToString(CultureInfo.InvariantCulture));
        }
        return [.. latencies];
    }
}
