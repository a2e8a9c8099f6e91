using FaceGuard.Analysis.Sampling;
using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>
/// How much resident memory grew from the start of a run to its end, robust to the ups and downs of single samples:
/// the median of the first tenth of the samples against the median (and the max) of the last tenth.
/// </summary>
internal sealed record MemoryGrowth(double EarlyMedianMb, double LateMedianMb, double LateMaxMb, double PeakMb, int SamplesPerWindow, int Samples)
{
    public const double WindowShare = 0.10;
    public const int MinSamplesPerWindow = 5;

    /// <summary>Late median over early median, less one: 0.05 is 5 % growth.</summary>
    public double Growth => LateMedianMb / EarlyMedianMb - 1;

    /// <summary>The highest late sample over the early median, less one.</summary>
    public double GrowthOfLateMax => LateMaxMb / EarlyMedianMb - 1;

    public static MemoryGrowth Of(IReadOnlyList<ResourceSample> samples)
    {
        int window = Math.Max(MinSamplesPerWindow, (int)Math.Ceiling(samples.Count * WindowShare));
        if (samples.Count < 2 * window)
            throw new ArgumentException($"{samples.Count} memory samples are too few to compare a first and a last {window}.", nameof(samples));
        var memory = samples.Select(s => s.MemoryMb).ToArray();
        var early = Distribution.Describe(memory[..window]);
        var late = Distribution.Describe(memory[^window..]);
        return new MemoryGrowth(early.Median, late.Median, late.Max, memory.Max(), window, samples.Count);
    }
}
