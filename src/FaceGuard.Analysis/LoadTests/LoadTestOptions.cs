using System.Globalization;
using FaceGuard.Analysis.Sampling;

namespace FaceGuard.Analysis.LoadTests;

/// <summary>
/// The shape of a load test. Closed loop (the default, as users script it today): <see cref="Requests"/> requests by
/// <see cref="Concurrency"/> workers, each waiting <see cref="Interval"/> after a response. Open loop: requests sent at
/// <see cref="RatePerSecond"/> for <see cref="Duration"/> whatever the service does, latency counted from the intended
/// send time so a stalled service cannot hide its queue (no coordinated omission).
/// </summary>
public sealed record LoadTestOptions
{
    public const int DefaultRequests = 50;
    public const int DefaultWarmup = 2;

    public string Name { get; init; } = "run";

    public int Requests
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Requests), value, "At least one request.");
    } = DefaultRequests;

    public TimeSpan Interval
    {
        get;
        init => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Interval), value, "The interval cannot be negative.");
    } = TimeSpan.Zero;

    public int Concurrency
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Concurrency), value, "At least one worker.");
    } = 1;

    /// <summary>Open loop when set (with <see cref="Duration"/>).</summary>
    public double? RatePerSecond
    {
        get;
        init => field = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(RatePerSecond), value, "The rate must be positive.");
    }

    public TimeSpan? Duration
    {
        get;
        init => field = value is null || value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Duration), value, "The duration must be positive.");
    }

    /// <summary>Requests sent one by one before the measured ones, logged with Phase = warmup.</summary>
    public int Warmup
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Warmup), value, "The warm-up cannot be negative.");
    } = DefaultWarmup;

    public TimeSpan SampleInterval { get; init; } = ProcessSampler.DefaultInterval;

    /// <summary>Open loop only: requests allowed in flight before new ones are logged as failed ("generator saturated")
    /// instead of piling up in the generator's memory.</summary>
    public int MaxInFlight { get; init; } = 4096;

    public bool IsOpenLoop => RatePerSecond is not null;

    /// <summary>Measured requests of the run: <see cref="Requests"/>, or rate × duration in an open loop.</summary>
    public int MeasuredRequests => IsOpenLoop
        ? Math.Max(1, (int)Math.Round(RatePerSecond!.Value * (Duration ?? TimeSpan.FromSeconds(10)).TotalSeconds))
        : Requests;

    public string Shape => IsOpenLoop
        ? string.Create(CultureInfo.InvariantCulture, $"open loop: {RatePerSecond} requests/s for {(Duration ?? TimeSpan.FromSeconds(10)).TotalSeconds} s")
        : Concurrency == 1
            ? string.Create(CultureInfo.InvariantCulture, $"closed loop: {Requests} requests, {Interval.TotalSeconds} s apart")
            : string.Create(CultureInfo.InvariantCulture, $"closed loop: {Requests} requests by {Concurrency} workers, {Interval.TotalSeconds} s pause");

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["requests"] = MeasuredRequests.ToString(CultureInfo.InvariantCulture),
        ["interval_s"] = Interval.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        ["concurrency"] = Concurrency.ToString(CultureInfo.InvariantCulture),
        ["rate_per_s"] = RatePerSecond?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["duration_s"] = Duration?.TotalSeconds.ToString(CultureInfo.InvariantCulture) ?? "",
        ["warmup"] = Warmup.ToString(CultureInfo.InvariantCulture),
        ["sample_interval_s"] = SampleInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture),
    };
}
