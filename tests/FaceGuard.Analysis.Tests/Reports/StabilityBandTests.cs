using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Reports;

/// <summary>The seed tutorial's two signs of a healthy service: latency inside a band, CPU steady around its mean.</summary>
public class StabilityBandTests
{
    [Fact]
    public void Requests_outside_the_latency_band_are_a_warning_saying_how_many_which_way_and_when()
    {
        // Requests 3, 5 and 6 are slower than 400 ms, request 4 faster than 200 ms: four in a row outside.
        var run = RunAnalysis.Of(Latencies(250, 300, 450, 150, 460, 470));

        Assert.Equal((1, 3, 4), (run.LatencyBand.Below, run.LatencyBand.Above, run.LatencyBand.LongestRun));
        Assert.Contains(new Verdict(Severity.Warning,
            "66.7 % of requests outside the 200–400 ms band: 3 slower (up to 470 ms), 1 faster; first 2025-03-01 12:00:01, last 2025-03-01 12:00:02, longest streak 4 requests"),
            run.Verdicts);
    }

    [Fact]
    public void Requests_inside_the_band_or_only_faster_than_it_are_fine()
    {
        Assert.Contains(new Verdict(Severity.Ok, "All 3 requests inside the 200–400 ms band"), RunAnalysis.Of(Latencies(200, 300, 400)).Verdicts);
        Assert.Contains(new Verdict(Severity.Ok, "No request slower than the 200–400 ms band; 2 of 3 (66.7 %) faster, down to 90 ms"),
            RunAnalysis.Of(Latencies(90, 120, 300)).Verdicts);
    }

    [Fact]
    public void The_band_is_settable()
    {
        var run = RunAnalysis.Of(Latencies(250, 300, 450), new AlertThresholds { LatencyBandMs = new Band(100, 500) });

        Assert.Contains(new Verdict(Severity.Ok, "All 3 requests inside the 100–500 ms band"), run.Verdicts);
    }

    [Theory]
    [InlineData("200-400", 200, 400)]
    [InlineData("150–450", 150, 450)]
    [InlineData(" 0.5 .. 2 ", 0.5, 2)]
    public void A_band_is_read_as_typed(string text, double low, double high) => Assert.Equal(new Band(low, high), Band.Parse(text));

    [Theory]
    [InlineData("400-200")]
    [InlineData("200")]
    [InlineData("fast-slow")]
    [InlineData("-5-10")]
    public void A_band_that_is_not_one_is_refused(string text) =>
        Assert.Contains("is not a band", Assert.Throws<FormatException>(() => Band.Parse(text)).Message);

    [Fact]
    public void Cpu_swinging_beyond_15_percent_of_its_mean_is_a_warning_with_when_and_how_often()
    {
        // Mean 108 %: the band is 91.8–124.2 %, and only the 140 % reading (request 5, at 2 s) is outside it.
        var log = new FaceGuard.Analysis.Logs.RunLog([.. new[] { 100.0, 100, 100, 100, 140 }.Select((cpu, i) => Request(i + 1, 120, cpuPercent: cpu))], []);

        var run = RunAnalysis.Of(log);

        Assert.Contains(new Verdict(Severity.Warning,
            "CPU swung beyond ±15 % of its mean of 108 % (91.8–124.2 %) in 1 of 5 readings (20 %), from 100 to 140 %; first 2025-03-01 12:00:02, last 2025-03-01 12:00:02, longest streak 1 reading"),
            run.Verdicts);
        Assert.Contains(new Verdict(Severity.Ok, "CPU steady: all 5 readings within ±30 % of its mean of 108 % (75.6–140.4 %)"),
            RunAnalysis.Of(log, new AlertThresholds { CpuFluctuationPercent = 30 }).Verdicts);
    }
}
