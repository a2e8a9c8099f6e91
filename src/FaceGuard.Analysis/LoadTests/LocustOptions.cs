using System.Globalization;
using FaceGuard.Analysis.Sampling;

namespace FaceGuard.Analysis.LoadTests;

/// <summary>
/// A run driven by Locust: a headless master and <see cref="Workers"/> local worker processes, <see cref="Users"/>
/// users in all (each a closed loop with no pause, like our own runner's workers), started at
/// <see cref="SpawnRatePerSecond"/>, for <see cref="Duration"/>.
/// </summary>
public sealed record LocustOptions
{
    public const int DefaultWorkers = 1;
    public const int DefaultUsers = 2;
    public const double DefaultDurationSeconds = 10;

    /// <summary>Debian's python3-locust. The python3 on PATH may be another interpreter without Locust.</summary>
    public const string DefaultLocustPath = "/usr/bin/locust";

    public string Name { get; init; } = "locust";

    public int Workers
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Workers), value, "At least one Locust worker.");
    } = DefaultWorkers;

    public int Users
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Users), value, "At least one Locust user.");
    } = DefaultUsers;

    /// <summary>Users started per second; null starts them all in the first second.</summary>
    public double? SpawnRatePerSecond
    {
        get;
        init => field = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(SpawnRatePerSecond), value, "The spawn rate must be positive.");
    }

    /// <summary>Locust counts run time in whole seconds; a fraction is rounded up.</summary>
    public TimeSpan Duration
    {
        get;
        init => field = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Duration), value, "The duration must be positive.");
    } = TimeSpan.FromSeconds(DefaultDurationSeconds);

    /// <summary>The first requests of the run (by send time, over all workers) are logged with Phase = warmup.</summary>
    public int Warmup
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Warmup), value, "The warm-up cannot be negative.");
    } = LoadTestOptions.DefaultWarmup;

    /// <summary>The service's options as a query, e.g. "sensitivity=normal"; empty for its defaults.</summary>
    public string Query { get; init; } = "";

    public TimeSpan SampleInterval { get; init; } = ProcessSampler.DefaultInterval;

    public string LocustPath { get; init; } = DefaultLocustPath;

    /// <summary>The locustfile; null for the one shipped with FaceGuard (<see cref="Locustfile.Shipped"/>).</summary>
    public string? LocustfilePath { get; init; }

    /// <summary>Where Locust's own files go (its --csv statistics, the rows, the processes' logs); null for a new
    /// temporary folder.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>How long the master waits for its workers to connect before giving up.</summary>
    public TimeSpan WorkerConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Workers started by hand on other machines (`locust -f deploy/locust/locustfile.py --worker
    /// --master-host &lt;this machine&gt; --master-port &lt;MasterPort&gt; --faceguard-images …`); the master waits for them
    /// too. Needs <see cref="MasterBindHost"/> to be an interface they can reach.</summary>
    public int RemoteWorkers
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(RemoteWorkers), value, "Remote workers cannot be negative.");
    }

    /// <summary>Where the master listens for workers: loopback unless workers on other machines join.</summary>
    public string MasterBindHost { get; init; } = "127.0.0.1";

    /// <summary>The master's port for workers; null for a free one (local workers only).</summary>
    public int? MasterPort { get; init; }

    public double EffectiveSpawnRate => SpawnRatePerSecond ?? Users;

    public int RunSeconds => (int)Math.Ceiling(Duration.TotalSeconds);

    public string Shape => string.Create(CultureInfo.InvariantCulture,
        $"Locust: {Users} users on {Workers + RemoteWorkers} worker(s), spawned at {EffectiveSpawnRate}/s, for {RunSeconds} s");

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["engine"] = "locust",
        ["workers"] = Workers.ToString(CultureInfo.InvariantCulture),
        ["remote_workers"] = RemoteWorkers.ToString(CultureInfo.InvariantCulture),
        ["users"] = Users.ToString(CultureInfo.InvariantCulture),
        ["spawn_rate_per_s"] = EffectiveSpawnRate.ToString(CultureInfo.InvariantCulture),
        ["duration_s"] = RunSeconds.ToString(CultureInfo.InvariantCulture),
        ["warmup"] = Warmup.ToString(CultureInfo.InvariantCulture),
        ["query"] = Query,
        ["sample_interval_s"] = SampleInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture),
    };
}
