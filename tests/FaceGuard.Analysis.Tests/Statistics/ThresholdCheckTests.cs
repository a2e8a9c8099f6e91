using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Analysis.Tests.Statistics;

public class ThresholdCheckTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static TimedValue[] EverySecond(params double[] values) =>
        values.Select((v, i) => new TimedValue(Start.AddSeconds(i), v)).ToArray();

    [Fact]
    public void Latency_above_500_ms_is_counted_with_its_longest_run()
    {
        var alert = ThresholdCheck.Latency(EverySecond(400, 520, 510, 480, 600, 610, 620, 300));

        Assert.Equal("Latency", alert.Metric);
        Assert.Equal("ms", alert.Unit);
        Assert.Equal(500, alert.Threshold);
        Assert.Equal(8, alert.Samples);
        Assert.Equal(5, alert.Crossings);
        Assert.Equal(0.625, alert.Share);
        Assert.Equal(Start.AddSeconds(1), alert.First);
        Assert.Equal(Start.AddSeconds(6), alert.Last);
        Assert.Equal(620, alert.Max);
        Assert.Equal(3, alert.LongestRun);
        Assert.True(alert.Triggered);
    }

    [Fact]
    public void A_sample_exactly_at_the_threshold_does_not_alert()
    {
        var alert = ThresholdCheck.Memory(EverySecond(150, 200, 199.9));

        Assert.Equal(ThresholdCheck.MemoryAlertMb, alert.Threshold);
        Assert.Equal("MB", alert.Unit);
        Assert.Equal(0, alert.Crossings);
        Assert.Equal(0, alert.LongestRun);
        Assert.Null(alert.First);
        Assert.Null(alert.Last);
        Assert.Equal(200, alert.Max);
        Assert.False(alert.Triggered);
    }

    [Fact]
    public void A_run_at_the_end_counts()
    {
        var alert = ThresholdCheck.Memory(EverySecond(250, 100, 201, 202, 203, 204), thresholdMb: 200);

        Assert.Equal(5, alert.Crossings);
        Assert.Equal(4, alert.LongestRun);
        Assert.Equal(Start, alert.First);
        Assert.Equal(Start.AddSeconds(5), alert.Last);
        Assert.Equal(250, alert.Max);
    }

    [Fact]
    public void No_samples_never_trigger()
    {
        var alert = ThresholdCheck.Check("Cpu", "%", [], 90);

        Assert.Equal(0, alert.Samples);
        Assert.False(alert.Triggered);
        Assert.True(double.IsNaN(alert.Share));
        Assert.True(double.IsNaN(alert.Max));
    }
}
