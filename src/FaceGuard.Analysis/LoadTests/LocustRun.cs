using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Sampling;
using FaceGuard.Analysis.Targets;

namespace FaceGuard.Analysis.LoadTests;

/// <summary>
/// Drives Locust rather than reimplementing it: a headless master and local workers on loopback run the shipped
/// locustfile against the service, while the service's process is sampled exactly as in our own runner. The rows the
/// workers measured (carried to the master in Locust's stats reports) become the same request log, frames, statistics
/// and report as any other run. Cancellation stops Locust as Ctrl+C would and keeps what was measured.
/// </summary>
public static class LocustRun
{
    /// <summary>Locust's --csv prefix inside the output folder: locust_stats.csv, locust_stats_history.csv, …</summary>
    public const string CsvPrefix = "locust";
    public const string RowsFile = "rows.jsonl";

    // After the run time: Locust stops its users, collects the final reports and writes its files.
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WorkerExitGrace = TimeSpan.FromSeconds(15);

    /// <param name="serviceUrl">The service's base URL, e.g. http://127.0.0.1:8080.</param>
    /// <param name="imagesPath">A photo or a folder of photos, read by each worker.</param>
    /// <param name="servicePid">The service's process; found from the URL's port when null.</param>
    /// <exception cref="FileNotFoundException">No photo, no locustfile or no Locust.</exception>
    /// <exception cref="InvalidOperationException">Locust failed; the message carries the end of its log.</exception>
    public static async Task<LocustResult> RunAsync(Uri serviceUrl, string imagesPath, LocustOptions options, int? servicePid = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentNullException.ThrowIfNull(options);
        if (TestImages.Load(imagesPath).Count == 0) throw new FileNotFoundException($"No photo at {imagesPath}.", imagesPath);
        string folder = Path.GetFullPath(options.OutputFolder ?? Path.Combine(Path.GetTempPath(), $"faceguard-locust-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(folder);
        string locustfile = Path.GetFullPath(options.LocustfilePath ?? Locustfile.Shipped());
        string version = Locustfile.Version(options.LocustPath);
        var (pid, whyNoProcess) = servicePid is { } given ? (given, null) : ListeningProcess.Find(serviceUrl);

        long origin = Stopwatch.GetTimestamp();
        var originWallClock = DateTime.Now;
        double originUnixS = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var sampler = pid is { } p ? ProcessSampler.Start(p, options.SampleInterval, origin, originWallClock) : null;

        int port = options.MasterPort ?? FreeLoopbackPort();
        string rowsPath = Path.Combine(folder, RowsFile);
        var workers = new List<LocustProcess>();
        IReadOnlyList<ResourceSample> samples = [];
        bool cancelled = false;
        using var master = LocustProcess.Start("master", options.LocustPath, MasterArguments(locustfile, serviceUrl, options, port, folder, rowsPath),
            Path.Combine(folder, "master.log"));
        try
        {
            for (int i = 0; i < options.Workers; i++)
                workers.Add(LocustProcess.Start($"worker {i + 1}", options.LocustPath, WorkerArguments(locustfile, options, port, imagesPath),
                    Path.Combine(folder, $"worker-{i + 1}.log")));

            var limit = options.WorkerConnectTimeout + options.Duration + ShutdownGrace;
            try
            {
                if (!await master.WaitAsync(limit, cancellationToken))
                    throw new TimeoutException($"Locust's master did not finish within {limit.TotalSeconds:0} s; its log ends:\n{master.Tail()}");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                master.Terminate();
                if (!await master.WaitAsync(WorkerExitGrace)) master.KillTree();
            }
            // The master told its workers to quit; they send a last report and end.
            foreach (var worker in workers)
                if (!await worker.WaitAsync(WorkerExitGrace)) worker.KillTree();
        }
        finally
        {
            foreach (var worker in workers) worker.Dispose();
            if (sampler is not null) samples = await sampler.StopAsync();
        }

        var statistics = LocustStatistics.Read(Path.Combine(folder, CsvPrefix + "_stats.csv"));
        if (statistics is null && !cancelled)
            throw new InvalidOperationException($"Locust's master exited with {master.ExitCode} without statistics; its log ends:\n{master.Tail()}");
        var rows = LocustRow.ReadAll(rowsPath);
        var records = Records(rows, samples, originWallClock, originUnixS, options.Warmup);
        var manifest = RunManifest.EndingNow(options.Name, new UriBuilder(serviceUrl) { Path = "/process" }.Uri.ToString(), options.Shape,
            options.Describe(), new DateTimeOffset(originWallClock), pid, whyNoProcess, cancelled, new LoadGenerator("locust", version, options.Workers + options.RemoteWorkers, options.Users));
        return new LocustResult(
            new RunLog(records, samples, manifest),
            statistics,
            workers.SelectMany(w => w.RowsSent).ToDictionary(),
            rows.GroupBy(r => r.Worker).ToDictionary(g => g.Key, g => g.Count()),
            folder);
    }

    /// <summary>The rows in send order, numbered from 1; the first <paramref name="warmup"/> are warm-up; each carries
    /// the latest sample of the service taken before it ended, as in our own runner.</summary>
    internal static IReadOnlyList<RequestRecord> Records(IReadOnlyList<LocustRow> rows, IReadOnlyList<ResourceSample> samples,
        DateTime originWallClock, double originUnixS, int warmup)
    {
        var sampleEnds = samples.Select(s => s.ElapsedS).ToArray();
        return rows.OrderBy(r => r.StartUnixS).Select((row, index) =>
        {
            double elapsed = row.StartUnixS - originUnixS;
            int found = Array.BinarySearch(sampleEnds, elapsed + row.LatencyMs / 1000);
            int latest = found >= 0 ? found : ~found - 1;
            var sample = latest >= 0 ? samples[latest] : null;
            return new RequestRecord(originWallClock.AddSeconds(elapsed), index + 1, row.Ok ? row.LatencyMs : null, sample?.CpuPercent, sample?.MemoryMb,
                elapsed, index < warmup, row.Image, row.Status, row.Ok ? null : row.Error ?? "failed", row.Faces, row.BytesIn, row.BytesOut,
                HttpTarget.ServerTiming(row.ServerTiming), row.Worker);
        }).ToList();
    }

    private static IEnumerable<string> MasterArguments(string locustfile, Uri serviceUrl, LocustOptions options, int port, string folder, string rowsPath) =>
    [
        "-f", locustfile, "--headless", "--master",
        "--master-bind-host", options.MasterBindHost, "--master-bind-port", Invariant(port),
        "--expect-workers", Invariant(options.Workers + options.RemoteWorkers), "--expect-workers-max-wait", Invariant((int)options.WorkerConnectTimeout.TotalSeconds),
        "-u", Invariant(options.Users), "-r", options.EffectiveSpawnRate.ToString(CultureInfo.InvariantCulture), "-t", $"{options.RunSeconds}s",
        "--host", serviceUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') is var host && host.EndsWith("/process", StringComparison.Ordinal) ? host[..^"/process".Length] : host,
        "--csv", Path.Combine(folder, CsvPrefix), "--exit-code-on-error", "0", "--only-summary",
        "--faceguard-rows", rowsPath,
    ];

    private static IEnumerable<string> WorkerArguments(string locustfile, LocustOptions options, int port, string imagesPath) =>
    [
        "-f", locustfile, "--worker", "--master-host", "127.0.0.1", "--master-port", Invariant(port),
        "--faceguard-images", Path.GetFullPath(imagesPath), "--faceguard-query", options.Query,
    ];

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
