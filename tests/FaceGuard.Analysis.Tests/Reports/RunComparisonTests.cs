using FaceGuard.Analysis.Statistics;
using static FaceGuard.Analysis.Tests.Reports.TestRuns;

namespace FaceGuard.Analysis.Tests.Reports;

public class RunComparisonTests
{
    [Fact]
    public void Latencies_half_as_slow_again_read_as_slower_with_the_runs_names()
    {
        var comparison = RunComparison.Of(Realistic("last-release"), Realistic("nightly", scale: 1.5));

        Assert.Equal("last-release", comparison.BaselineName);
        Assert.Equal("nightly", comparison.CurrentName);
        Assert.Equal(ComparisonVerdict.Slower, comparison.Verdict);
        Assert.Equal(118, comparison.BaselineLatencyMs.Count);
        Assert.Equal(Realistic().LatenciesMs(), comparison.BaselineLatenciesMs);
        Assert.StartsWith("Current is slower: median 180 ms vs 120 ms (×1.5, 95 % CI ", comparison.Summary);
        Assert.Contains("p < 0.0001", comparison.Summary);
    }

    [Fact]
    public void Same_latencies_read_as_no_change()
    {
        var comparison = RunComparison.Of(Realistic("a"), Realistic("b"));

        Assert.Equal(ComparisonVerdict.NoChange, comparison.Verdict);
        Assert.StartsWith("No significant change: median 120 ms vs 120 ms (×1, ", comparison.Summary);
    }

    [Fact]
    public void Runs_without_a_manifest_or_with_the_same_name_are_called_baseline_and_current()
    {
        Assert.Equal(("baseline", "current"), Names(RunComparison.Of(Latencies(100, 110), Latencies(120, 130))));
        Assert.Equal(("baseline", "current"), Names(RunComparison.Of(Realistic("nightly"), Realistic("nightly"))));
        Assert.Equal(("baseline", "nightly"), Names(RunComparison.Of(Latencies(100, 110), Realistic("nightly"))));
    }

    [Fact]
    public void The_same_logs_always_give_the_same_intervals()
    {
        var first = RunComparison.Of(Realistic("a"), Realistic("b", scale: 1.1));
        var second = RunComparison.Of(Realistic("a"), Realistic("b", scale: 1.1));

        Assert.Equal(first.Comparison, second.Comparison);
    }

    [Fact]
    public void A_run_without_a_successful_request_cannot_be_compared()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RunComparison.Of(Latencies([null]), Latencies(100)));
    }

    private static (string, string) Names(RunComparison comparison) => (comparison.BaselineName, comparison.CurrentName);
}
