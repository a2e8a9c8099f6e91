using System.Diagnostics;

namespace FaceGuard.Analysis.Sampling;

/// <summary>
/// Samples one process — the service under test, never the load generator unless it is the target — at a fixed
/// interval in the background. CPU % is the CPU time used over the interval divided by the interval (100 = one core).
/// </summary>
public sealed class ProcessSampler : IAsyncDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);

    private readonly int _pid;
    private readonly TimeSpan _interval;
    private readonly long _origin;
    private readonly DateTime _originWallClock;
    private readonly List<ResourceSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile ResourceSample? _latest;

    private ProcessSampler(int pid, TimeSpan interval, long origin, DateTime originWallClock)
    {
        _pid = pid;
        _interval = interval;
        _origin = origin;
        _originWallClock = originWallClock;
        _loop = Task.Run(RunAsync);
    }

    /// <param name="origin">Stopwatch timestamp the run's elapsed seconds count from.</param>
    /// <exception cref="ArgumentException">No process with that id.</exception>
    public static ProcessSampler Start(int pid, TimeSpan interval, long origin, DateTime originWallClock) =>
        ProcessReader.Exists(pid)
            ? new ProcessSampler(pid, interval, origin, originWallClock)
            : throw new ArgumentException($"There is no process {pid} to watch.", nameof(pid));

    public int ProcessId => _pid;

    /// <summary>Samples taken so far.</summary>
    public int SampleCount
    {
        get
        {
            lock (_samples) return _samples.Count;
        }
    }

    /// <summary>The most recent sample, or null before the first interval has passed.</summary>
    public ResourceSample? Latest => _latest;

    /// <summary>Stops sampling and returns every sample taken.</summary>
    public async Task<IReadOnlyList<ResourceSample>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        lock (_samples) return [.. _samples];
    }

    private async Task RunAsync()
    {
        var previous = ProcessReader.Read(_pid);
        long previousAt = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (previous is not null && await timer.WaitForNextTickAsync(_stop.Token))
                if (!Sample(ref previous, ref previousAt)) return; // the process ended
        }
        catch (OperationCanceledException)
        {
            // A run shorter than the interval still gets one reading, over the time it lasted.
            if (previous is not null && Stopwatch.GetElapsedTime(previousAt).TotalMilliseconds >= MinimumFinalIntervalMs)
                Sample(ref previous, ref previousAt);
        }
    }

    private const double MinimumFinalIntervalMs = 20;

    private bool Sample(ref ProcessReader.Reading? previous, ref long previousAt)
    {
        var current = ProcessReader.Read(_pid);
        long now = Stopwatch.GetTimestamp();
        if (current is null) return false;

        double wallSeconds = Stopwatch.GetElapsedTime(previousAt, now).TotalSeconds;
        double cpuPercent = 100 * (current.Value.CpuTime - previous!.Value.CpuTime).TotalSeconds / wallSeconds;
        double elapsed = Stopwatch.GetElapsedTime(_origin, now).TotalSeconds;
        var sample = new ResourceSample(_originWallClock.AddSeconds(elapsed), elapsed, _pid, Math.Max(0, cpuPercent), current.Value.MemoryMb, current.Value.Threads);
        lock (_samples) _samples.Add(sample);
        _latest = sample;
        (previous, previousAt) = (current, now);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}
