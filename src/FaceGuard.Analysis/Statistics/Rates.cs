namespace FaceGuard.Analysis.Statistics;

public static class Rates
{
    /// <summary>Completed requests per second; NaN for a zero-length window.</summary>
    public static double Throughput(DateTimeOffset start, DateTimeOffset end, int completed)
    {
        if (end < start)
        {
            throw new ArgumentException($"The window ends ({end:O}) before it starts ({start:O}).", nameof(end));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(completed);
        var seconds = (end - start).TotalSeconds;
        return seconds == 0 ? double.NaN : completed / seconds;
    }

    /// <summary>Failures / total; NaN when nothing was sent.</summary>
    public static double ErrorRate(int failures, int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failures);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(failures, total);
        return total == 0 ? double.NaN : (double)failures / total;
    }
}
