using FaceGuard.Engine;
using System.Globalization;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Statistics;
using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Reports;

public class RunAnalysisTests
{
    [Fact]
    public void Jitter_is_flagged_when_one_latency_is_three_times_the_fastest()
    {
        var run = RunAnalysis.Of(Latencies(100, 105, 300, 110));

        Assert.True(run.LatencyMs.IsJittery);
        Assert.Contains(new Verdict(Severity.Warning, "Latency jitter: max/min = 3 > 2 (min 100 ms, max 300 ms)"), run.Verdicts);
    }

    [Fact]
    public void Latencies_within_twice_the_fastest_read_as_steady()
    {
        var run = RunAnalysis.Of(Latencies(100, 150, 190));

        Assert.Contains(new Verdict(Severity.Ok, "Latency steady: max/min = 1.9 ≤ 2"), run.Verdicts);
    }

    [Fact]
    public void Requests_above_the_latency_threshold_are_counted_and_a_p95_above_it_alerts()
    {
        var run = RunAnalysis.Of(Latencies(400, 520, 510, 480, 600));

        Assert.Equal(5, run.LatencyAlert.Samples);
        Assert.Equal(3, run.LatencyAlert.Crossings);
        Assert.Equal(new DateTimeOffset(Start.AddSeconds(0.5).Ticks, TimeSpan.Zero), run.LatencyAlert.First);
        Assert.Equal(new DateTimeOffset(Start.AddSeconds(2).Ticks, TimeSpan.Zero), run.LatencyAlert.Last);
        Assert.Equal(2, run.LatencyAlert.LongestRun);
        Assert.Equal(584, run.LatencyMs.P95, 1e-9);
        Assert.Contains(new Verdict(Severity.Alert, "p95 latency 584 ms exceeds 500 ms on 60 % of requests (3 of 5, max 600 ms)"), run.Verdicts);
    }

    [Fact]
    public void A_few_slow_requests_under_a_p95_within_the_threshold_are_a_warning()
    {
        var run = RunAnalysis.Of(Latencies([.. Enumerable.Repeat<double?>(100, 20), 700]));

        Assert.Contains(new Verdict(Severity.Warning, "1 of 21 requests (4.8 %) slower than 500 ms (max 700 ms); p95 100 ms is within"), run.Verdicts);
    }

    [Fact]
    public void Thresholds_can_be_set_per_run()
    {
        var run = RunAnalysis.Of(Latencies(250, 310, 320), new AlertThresholds(LatencyMs: 300));

        Assert.Equal(300, run.Thresholds.LatencyMs);
        Assert.Equal(AlertThresholds.DefaultMemoryMb, run.Thresholds.MemoryMb);
        Assert.Equal(2, run.LatencyAlert.Crossings);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void A_threshold_must_be_positive(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlertThresholds(LatencyMs: value));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlertThresholds(MemoryMb: value));
        Assert.Throws<ArgumentOutOfRangeException>(() => AlertThresholds.Default with { MemoryMb = value });
    }

    [Fact]
    public void Failed_requests_count_in_the_error_rate_but_not_in_the_latencies()
    {
        var run = RunAnalysis.Of(Latencies(100, null, 120, null, 110));

        Assert.Equal(5, run.Requests);
        Assert.Equal(2, run.Failures);
        Assert.Equal(3, run.Succeeded);
        Assert.Equal(0.4, run.ErrorRate, 1e-12);
        Assert.Equal(3, run.LatencyMs.Count);
        Assert.Equal(new Verdict(Severity.Alert, "2 of 5 requests failed (40 %): 503 Service Unavailable (2×)"), run.Verdicts[0]);
    }

    [Fact]
    public void Under_one_percent_failed_is_a_warning_naming_the_commonest_errors()
    {
        var requests = Enumerable.Range(1, 200).Select(id => Request(id, 100)).ToList();
        requests[9] = Request(10, null) with { Error = "Timeout after 5000 ms" };
        var run = RunAnalysis.Of(new RunLog(requests, []));

        Assert.Contains(new Verdict(Severity.Warning, "1 of 200 requests failed (0.5 %): Timeout after 5000 ms (1×)"), run.Verdicts);
    }

    [Fact]
    public void No_failures_is_ok()
    {
        var run = RunAnalysis.Of(Latencies(100, 110));

        Assert.Contains(new Verdict(Severity.Ok, "No failed requests (0 of 2)"), run.Verdicts);
    }

    [Fact]
    public void A_slow_first_request_is_a_cold_start()
    {
        var run = RunAnalysis.Of(Latencies(900, 100, 120, 110, 130));

        Assert.Equal(900, run.ColdStart.FirstMs);
        Assert.Equal(115, run.ColdStart.SteadyMedianMs, 1e-12);
        Assert.Null(run.FirstWarmupLatencyMs);
        Assert.Contains(new Verdict(Severity.Warning, "Cold start: first measured request 900 ms, 7.8× the steady median of 115 ms"), run.Verdicts);
    }

    [Fact]
    public void Warm_up_requests_are_left_out_of_the_statistics_but_their_first_latency_is_reported()
    {
        var log = new RunLog([Request(1, 2000, warmup: true), Request(2, 1500, warmup: true), Request(3, 100), Request(4, 110), Request(5, 120)], []);

        var run = RunAnalysis.Of(log);

        Assert.Equal(3, run.Requests);
        Assert.Equal(2, run.WarmupRequests);
        Assert.Equal(3, run.LatencyMs.Count);
        Assert.Equal(120, run.LatencyMs.Max);
        Assert.Equal(3, run.LatencyAlert.Samples);
        Assert.Equal(2000, run.FirstWarmupLatencyMs);
        Assert.Equal(100, run.ColdStart.FirstMs);
        Assert.Contains(new Verdict(Severity.Ok,
            "No cold start: first measured request 100 ms, 0.9× the steady median of 115 ms; the first warm-up request took 2,000 ms (17.4×)"), run.Verdicts);
        // From the first measured send (1.0 s) to the last completion (2.0 s + 120 ms).
        Assert.Equal(1.12, run.WallTimeS, 1e-9);
        Assert.Equal(3 / 1.12, run.ThroughputRps, 1e-9);
    }

    [Fact]
    public void Throughput_counts_a_failed_request_as_done_when_it_was_sent()
    {
        var run = RunAnalysis.Of(Latencies(100, 110, 120, 130, 340, null));

        Assert.Equal(2.5, run.WallTimeS, 1e-9);
        Assert.Equal(2.4, run.ThroughputRps, 1e-9);
    }

    [Fact]
    public void Memory_comes_from_the_resource_samples_when_there_are_any()
    {
        var log = new RunLog(
            [Request(1, 100, memoryMb: 500), Request(2, 100, memoryMb: 500)],
            [Sample(0, 50, 150), Sample(0.5, 60, 210), Sample(1, 70, 220), Sample(1.5, 80, 190)]);

        var run = RunAnalysis.Of(log);

        Assert.Equal(MemorySource.ResourceSamples, run.MemorySource);
        Assert.Equal(4, run.MemoryAlert.Samples);
        Assert.Equal(2, run.MemoryAlert.Crossings);
        Assert.Equal(220, run.MemoryMb.Max);
        // CPU counts only the samples taken while measured requests ran (0 to 0.6 s): an idle tail is not the service's load.
        Assert.Equal(55, run.CpuPercent.Mean, 1e-12);
        Assert.Equal(60, run.CpuPercent.Max);
        Assert.Contains(new Verdict(Severity.Alert, "Memory above 200 MB in 2 of 4 readings (50 %), max 220 MB, longest run 2 readings"), run.Verdicts);
    }

    [Fact]
    public void A_classic_log_without_samples_takes_memory_and_cpu_from_its_rows()
    {
        var log = new RunLog([Request(1, 100, cpuPercent: 40, memoryMb: 120), Request(2, 100, cpuPercent: 60, memoryMb: 130)], []);

        var run = RunAnalysis.Of(log);

        Assert.Equal(MemorySource.RequestRows, run.MemorySource);
        Assert.Equal(2, run.MemoryAlert.Samples);
        Assert.False(run.MemoryAlert.Triggered);
        Assert.Equal(50, run.CpuPercent.Mean, 1e-12);
        Assert.Contains(new Verdict(Severity.Ok, "Memory within 200 MB (max 130 MB)"), run.Verdicts);
    }

    [Fact]
    public void Without_memory_readings_memory_is_reported_as_unchecked()
    {
        var run = RunAnalysis.Of(Latencies(100, 110));

        Assert.Equal(MemorySource.None, run.MemorySource);
        Assert.Contains(new Verdict(Severity.Warning, "No memory readings: memory was not checked"), run.Verdicts);
        Assert.DoesNotContain(run.Verdicts, v => v.Text.StartsWith("Memory stable", StringComparison.Ordinal));
    }

    [Fact]
    public void Memory_rising_10_MB_per_1000_requests_is_a_possible_leak()
    {
        var log = new RunLog(Enumerable.Range(1, 200).Select(id => Request(id, 100, memoryMb: 100 + 0.01 * id)).ToList(), []);

        var run = RunAnalysis.Of(log);

        Assert.Equal(10, run.MemoryTrend.SlopeMbPer1000Requests, 1e-6);
        Assert.Equal(TrendVerdict.Growing, run.MemoryTrend.Verdict);
        Assert.Contains(new Verdict(Severity.Alert, "Memory growing (+10 MB per 1,000 requests, R² 1.00): possible leak"), run.Verdicts);
    }

    [Fact]
    public void Memory_rising_a_fraction_of_a_MB_per_1000_requests_is_stable()
    {
        var log = new RunLog(Enumerable.Range(1, 200).Select(id => Request(id, 100, memoryMb: 100 + 0.0002 * id)).ToList(), []);

        var run = RunAnalysis.Of(log);

        Assert.Contains(new Verdict(Severity.Ok, "Memory stable (+0.2 MB per 1,000 requests)"), run.Verdicts);
    }

    [Fact]
    public void Without_memory_in_the_rows_the_trend_places_samples_by_requests_completed()
    {
        // One request per half second taking 100 ms; a sample 0.2 s after each send, 1 MB up each time: 1 MB per request.
        var log = new RunLog(
            Enumerable.Range(1, 40).Select(id => Request(id, 100)).ToList(),
            Enumerable.Range(0, 40).Select(i => Sample(i * IntervalS + 0.2, 50, 100 + i)).ToList());

        var run = RunAnalysis.Of(log);

        Assert.Equal(40, run.MemoryTrend.Points);
        Assert.Equal(1000, run.MemoryTrend.SlopeMbPer1000Requests, 1e-6);
    }

    [Fact]
    public void Stage_timings_are_summarised_for_the_stages_the_log_reports()
    {
        var log = new RunLog(
        [
            Request(1, 100) with { Stages = new StageTimings(10, 60, double.NaN, double.NaN) },
            Request(2, 110) with { Stages = new StageTimings(12, 70, double.NaN, double.NaN) },
            Request(3, 120) with { Stages = new StageTimings(14, 80, double.NaN, double.NaN) },
            Request(4, 900, warmup: true) with { Stages = new StageTimings(500, 500, double.NaN, double.NaN) },
        ], []);

        var run = RunAnalysis.Of(log);

        Assert.Equal([Stage.Decode, Stage.Detect], run.Stages.Select(s => s.Stage));
        Assert.Equal(12, run.Stages[0].DurationMs.Median);
        Assert.Equal(70, run.Stages[1].DurationMs.Median);
        Assert.Equal(3, run.Stages[1].DurationMs.Count);
    }

    [Fact]
    public void Verdicts_come_worst_first_and_set_the_runs_severity()
    {
        var run = RunAnalysis.Of(Latencies(100, null, 300, 110));

        Assert.Equal(run.Verdicts.OrderByDescending(v => v.Severity).ToList(), run.Verdicts);
        Assert.Equal(Severity.Alert, run.Severity);
    }

    [Fact]
    public void A_run_without_a_successful_request_says_so()
    {
        var run = RunAnalysis.Of(Latencies(null, null));

        Assert.Equal(0, run.LatencyMs.Count);
        Assert.Contains(new Verdict(Severity.Alert, "No measured request succeeded: there are no latencies to judge"), run.Verdicts);
    }

    [Fact]
    public void Text_uses_a_decimal_point_under_a_comma_decimal_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Cultures.CommaDecimal();
        try
        {
            var run = RunAnalysis.Of(Latencies(100.5, 150, 190));

            Assert.Contains("Latency steady: max/min = 1.9 ≤ 2", run.Verdicts.Select(v => v.Text));
            Assert.Contains("Mean = 146.83", run.ToString());
            Assert.Equal("AlertThresholds { LatencyMs = 500, MemoryMb = 200.5, LatencyBandMs = 200–400, CpuFluctuation = ±15.5 % }",
                new AlertThresholds(MemoryMb: 200.5) { CpuFluctuationPercent = 15.5 }.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
