using FaceGuard.Analysis.Charts;

namespace FaceGuard.Analysis.Tests.Charts;

public class ReducedTraceTests
{
    [Fact]
    public void A_short_trace_is_drawn_as_it_is()
    {
        var trace = ReducedTrace.Of([1.0, 2, 3], [10.0, 30, 20]);

        Assert.False(trace.Reduced);
        Assert.Equal([10.0, 30, 20], trace.Y);
        Assert.Equal("", trace.Note("requests"));
    }

    [Fact]
    public void A_long_trace_keeps_its_single_spike_and_dip_in_order_within_the_point_budget()
    {
        var x = Enumerable.Range(1, 100_000).Select(i => (double)i).ToArray();
        var y = x.Select(i => i == 61_234 ? 5000 : i == 7_777 ? 1 : 100 + i % 50).ToArray();

        var trace = ReducedTrace.Of(x, y);

        Assert.True(trace.Reduced);
        Assert.InRange(trace.X.Length, 2000, ReducedTrace.MaxPoints);
        Assert.Contains(5000, trace.Y);
        Assert.Contains(1, trace.Y);
        Assert.Equal(61_234, trace.X[Array.IndexOf(trace.Y, 5000.0)]);
        Assert.Equal(trace.X.Order(), trace.X);
        Assert.Equal(" (100,000 requests drawn as the min and max of 2,000 slices)", trace.Note("requests"));
    }
}
