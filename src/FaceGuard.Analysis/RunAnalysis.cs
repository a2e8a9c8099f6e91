using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Sampling;
using FaceGuard.Analysis.Statistics;

namespace FaceGuard.Analysis;

/// <summary>
/// Everything a report says about one run, computed once from its log: the latency distribution of the measured
/// requests that succeeded (warm-up excluded), failures, throughput, cold start, threshold alerts, the memory trend,
/// CPU, per-stage timings and plain-language <see cref="Verdicts"/>. Renderers only format it.
/// </summary>
/// <param name="Requests">Measured requests, failed ones included; warm-up excluded.</param>
/// <param name="ErrorRate">Failures / measured requests; NaN when nothing was measured.</param>
/// <param name="WallTimeS">From the first measured request's intended send to the last one's completion.</param>
/// <param name="ThroughputRps">Measured requests / <paramref name="WallTimeS"/>.</param>
/// <param name="ColdStart">The first measured request against the median of the later ones.</param>
/// <param name="FirstWarmupLatencyMs">The very first request of the run when warm-up took it; null without warm-up or when it failed.</param>
/// <param name="LatencyAlert">Measured successful requests above <see cref="AlertThresholds.LatencyMs"/>, by intended send time.</param>
/// <param name="MemoryAlert">Memory readings above <see cref="AlertThresholds.MemoryMb"/>: every resource sample, or for a classic
/// log the Memory_MB of the measured rows. Times are the wall-clock times as logged (offset 0).</param>
/// <param name="MemoryTrend">Memory over measured request index (from the rows' Memory_MB, else from the samples placed by completed requests).</param>
/// <param name="CpuPercent">CPU of the service process, 100 = one core: resource samples, else the measured rows.</param>
/// <param name="MemoryMb">The same memory readings as <paramref name="MemoryAlert"/>.</param>
/// <param name="Stages">Decode/detect/blur/encode, for those stages the log reports.</param>
public sealed record RunAnalysis(
    string Name,
    AlertThresholds Thresholds,
    Distribution LatencyMs,
    int Requests,
    int WarmupRequests,
    int Failures,
    double ErrorRate,
    double WallTimeS,
    double ThroughputRps,
    ColdStart ColdStart,
    double? FirstWarmupLatencyMs,
    ThresholdAlert LatencyAlert,
    ThresholdAlert MemoryAlert,
    MemorySource MemorySource,
    MemoryTrend MemoryTrend,
    Distribution CpuPercent,
    Distribution MemoryMb,
    IReadOnlyList<StageTiming> Stages,
    IReadOnlyList<Verdict> Verdicts)
{
    /// <summary>The stages a request's processing time is split into, as the request log names them.</summary>
    public static readonly IReadOnlyList<string> StageNames = ["Decode", "Detect", "Mask", "Encode"];

    public int Succeeded => Requests - Failures;

    /// <summary>The worst severity among the verdicts.</summary>
    public Severity Severity => Verdicts.Count == 0 ? Severity.Ok : Verdicts.Max(v => v.Severity);

    public static RunAnalysis Of(RunLog log, AlertThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        thresholds ??= AlertThresholds.Default;

        var measured = log.Measured;
        var succeeded = measured.Where(r => !r.Failed).ToList();
        var latencies = succeeded.Select(r => r.LatencyMs!.Value).ToArray();
        var failures = measured.Count - succeeded.Count;
        var (wallTimeS, throughput) = Throughput(measured);
        var (memorySource, memory) = MemoryReadings(log, measured);
        var cpu = log.Resources.Count > 0
            ? log.Resources.Select(s => s.CpuPercent).ToArray()
            : measured.Where(r => r.CpuPercent is not null).Select(r => r.CpuPercent!.Value).ToArray();

        var analysis = new RunAnalysis(
            Name: log.Name,
            Thresholds: thresholds,
            LatencyMs: Distribution.Describe(latencies),
            Requests: measured.Count,
            WarmupRequests: log.Requests.Count - measured.Count,
            Failures: failures,
            ErrorRate: Rates.ErrorRate(failures, measured.Count),
            WallTimeS: wallTimeS,
            ThroughputRps: throughput,
            ColdStart: ColdStart.Analyze(latencies),
            FirstWarmupLatencyMs: log.Requests.FirstOrDefault(r => r.Warmup)?.LatencyMs,
            LatencyAlert: ThresholdCheck.Latency(succeeded.Select(r => new TimedValue(AsLogged(r.Timestamp), r.LatencyMs!.Value)).ToList(), thresholds.LatencyMs),
            MemoryAlert: ThresholdCheck.Memory(memory, thresholds.MemoryMb),
            MemorySource: memorySource,
            MemoryTrend: FitMemoryTrend(log, measured),
            CpuPercent: Distribution.Describe(cpu),
            MemoryMb: Distribution.Describe(memory.Select(m => m.Value).ToArray()),
            Stages: StageTimings(succeeded),
            Verdicts: []);
        return analysis with { Verdicts = RunVerdicts.For(analysis, measured) };
    }

    public override string ToString() => FormattableString.Invariant(
        $"RunAnalysis {{ Name = {Name}, Requests = {Requests}, WarmupRequests = {WarmupRequests}, Failures = {Failures}, ErrorRate = {ErrorRate}, WallTimeS = {WallTimeS}, ThroughputRps = {ThroughputRps}, LatencyMs = {LatencyMs}, ColdStart = {ColdStart}, FirstWarmupLatencyMs = {FirstWarmupLatencyMs}, LatencyAlert = {LatencyAlert}, MemoryAlert = {MemoryAlert}, MemorySource = {MemorySource}, MemoryTrend = {MemoryTrend}, CpuPercent = {CpuPercent}, Severity = {Severity}, Verdicts = [{string.Join("; ", Verdicts)}] }}");

    /// <summary>A logged wall-clock time as an offset of zero, so that it prints as it was logged on any machine.</summary>
    internal static DateTimeOffset AsLogged(DateTime timestamp) => new(timestamp.Ticks, TimeSpan.Zero);

    internal static double? StageMs(RequestRecord request, string stage) => stage switch
    {
        "Decode" => request.DecodeMs,
        "Detect" => request.DetectMs,
        "Mask" => request.MaskMs,
        "Encode" => request.EncodeMs,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Not a stage of the request log."),
    };

    /// <summary>A failed request counts as completed when it was sent: it has no latency.</summary>
    private static double CompletedS(RequestRecord request) => request.ElapsedS + (request.LatencyMs ?? 0) / 1000;

    private static (double WallTimeS, double ThroughputRps) Throughput(IReadOnlyList<RequestRecord> measured)
    {
        if (measured.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var wallTimeS = measured.Max(CompletedS) - measured.Min(r => r.ElapsedS);
        return (wallTimeS, wallTimeS > 0 ? measured.Count / wallTimeS : double.NaN);
    }

    private static (MemorySource Source, List<TimedValue> Readings) MemoryReadings(RunLog log, IReadOnlyList<RequestRecord> measured)
    {
        if (log.Resources.Count > 0)
        {
            return (MemorySource.ResourceSamples, log.Resources.Select(s => new TimedValue(AsLogged(s.Timestamp), s.MemoryMb)).ToList());
        }

        var rows = measured.Where(r => r.MemoryMb is not null).Select(r => new TimedValue(AsLogged(r.Timestamp), r.MemoryMb!.Value)).ToList();
        return (rows.Count > 0 ? MemorySource.RequestRows : MemorySource.None, rows);
    }

    private static MemoryTrend FitMemoryTrend(RunLog log, IReadOnlyList<RequestRecord> measured)
    {
        var rows = measured.Select((r, index) => (Index: (double)index, r.MemoryMb)).Where(p => p.MemoryMb is not null).ToList();
        if (rows.Count > 0)
        {
            return MemoryTrend.Fit(rows.Select(p => p.Index).ToList(), rows.Select(p => p.MemoryMb!.Value).ToList());
        }

        // No per-request readings: place each sample at the number of measured requests completed by then.
        var completed = measured.Select(CompletedS).Order().ToArray();
        var samples = log.Resources.Where(s => completed.Length > 0 && s.ElapsedS >= completed[0]).ToList();
        return MemoryTrend.Fit(samples.Select(s => (double)CompletedBy(completed, s)).ToList(), samples.Select(s => s.MemoryMb).ToList());
    }

    private static int CompletedBy(double[] sortedCompletionsS, ResourceSample sample)
    {
        var index = Array.BinarySearch(sortedCompletionsS, sample.ElapsedS);
        if (index < 0)
        {
            return ~index;
        }

        while (index + 1 < sortedCompletionsS.Length && sortedCompletionsS[index + 1] == sample.ElapsedS)
        {
            index++;
        }

        return index + 1;
    }

    private static List<StageTiming> StageTimings(IReadOnlyList<RequestRecord> succeeded) =>
        StageNames
            .Select(stage => (Stage: stage, Values: succeeded.Select(r => StageMs(r, stage)).OfType<double>().ToArray()))
            .Where(s => s.Values.Length > 0)
            .Select(s => new StageTiming(s.Stage, Distribution.Describe(s.Values)))
            .ToList();
}
