namespace FaceGuard.Analysis.Statistics;

/// <summary>Counts samples strictly above a threshold; a sample equal to it does not alert.</summary>
public static class ThresholdCheck
{
    public const double LatencyAlertMs = 500;
    public const double MemoryAlertMb = 200;

    /// <summary>The successful requests of a request frame (warm-up rows included if the frame has them) by timestamp.</summary>
    public static ThresholdAlert Latency(Microsoft.Data.Analysis.DataFrame requests, double thresholdMs = LatencyAlertMs) =>
        Latency(Timed(requests, Logs.RequestLogColumns.LatencyMs), thresholdMs);

    /// <summary>A frame's Memory_MB by timestamp: a request frame's rows or a resource frame's samples.</summary>
    public static ThresholdAlert Memory(Microsoft.Data.Analysis.DataFrame frame, double thresholdMb = MemoryAlertMb) =>
        Memory(Timed(frame, Logs.RequestLogColumns.MemoryMb), thresholdMb);

    public static ThresholdAlert Latency(IReadOnlyList<TimedValue> samplesInOrder, double thresholdMs = LatencyAlertMs) =>
        Check("Latency", "ms", samplesInOrder, thresholdMs);

    public static ThresholdAlert Memory(IReadOnlyList<TimedValue> samplesInOrder, double thresholdMb = MemoryAlertMb) =>
        Check("Memory", "MB", samplesInOrder, thresholdMb);

    private static List<TimedValue> Timed(Microsoft.Data.Analysis.DataFrame frame, string column)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Columns.IndexOf(column) < 0)
            throw new ArgumentException($"The frame has no {column} column; it has {string.Join(", ", frame.Columns.Select(c => c.Name))}.", nameof(frame));
        var values = Frames.ColumnValues.Doubles(frame[column]);
        var times = frame.Columns.IndexOf(Logs.RequestLogColumns.Timestamp) >= 0
            ? Frames.ColumnValues.DateTimes(frame[Logs.RequestLogColumns.Timestamp])
            : new DateTime?[values.Length];
        return Enumerable.Range(0, values.Length).Where(i => !double.IsNaN(values[i]))
            .Select(i => new TimedValue(RunAnalysis.AsLogged(times[i]), values[i])).ToList();
    }

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
