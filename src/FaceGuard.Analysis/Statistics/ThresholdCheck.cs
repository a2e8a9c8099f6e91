namespace FaceGuard.Analysis.Statistics;

/// <summary>Counts samples strictly above a threshold; a sample equal to it does not alert.</summary>
public static class ThresholdCheck
{
    public const double LatencyAlertMs = 500;
    public const double MemoryAlertMb = 200;

    public static ThresholdAlert Latency(IReadOnlyList<TimedValue> samplesInOrder, double thresholdMs = LatencyAlertMs) =>
        Check("Latency", "ms", samplesInOrder, thresholdMs);

    public static ThresholdAlert Memory(IReadOnlyList<TimedValue> samplesInOrder, double thresholdMb = MemoryAlertMb) =>
        Check("Memory", "MB", samplesInOrder, thresholdMb);

    /// <param name="samplesInOrder">Samples in time order, so that runs are runs in time.</param>
    public static ThresholdAlert Check(string metric, string unit, IReadOnlyList<TimedValue> samplesInOrder, double threshold)
    {
        ArgumentNullException.ThrowIfNull(samplesInOrder);
        int crossings = 0, run = 0, longestRun = 0;
        DateTimeOffset? first = null, last = null;
        var max = double.NaN;

        foreach (var sample in samplesInOrder)
        {
            max = double.IsNaN(max) ? sample.Value : Math.Max(max, sample.Value);
            if (sample.Value > threshold)
            {
                crossings++;
                first ??= sample.Timestamp;
                last = sample.Timestamp;
                longestRun = Math.Max(longestRun, ++run);
            }
            else
            {
                run = 0;
            }
        }

        return new ThresholdAlert(metric, unit, threshold, samplesInOrder.Count, crossings, first, last, max, longestRun);
    }
}
