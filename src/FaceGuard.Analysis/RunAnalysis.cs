using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Statistics;
using Microsoft.Data.Analysis;

namespace FaceGuard.Analysis;

/// <summary>
/// Everything a report says about one run, computed once from its request frame (and resource frame, when there is
/// one): the latency distribution of the measured requests that succeeded (warm-up excluded), failures, throughput,
/// cold start, threshold alerts, the latency and CPU bands, the memory trend, CPU, per-stage timings and plain-language
/// <see cref="Verdicts"/>. Renderers only format it. Any frame with the request log's columns works, filtered or not.
/// </summary>
/// <param name="Requests">Measured requests, failed ones included; warm-up excluded.</param>
/// <param name="ErrorRate">Failures / measured requests; NaN when nothing was measured.</param>
/// <param name="WallTimeS">From the first measured request's intended send to the last one's completion.</param>
/// <param name="ThroughputRps">Measured requests / <paramref name="WallTimeS"/>.</param>
/// <param name="ColdStart">The first measured request against the median of the later ones.</param>
/// <param name="FirstWarmupLatencyMs">The very first request of the run when warm-up took it; null without warm-up or when it failed.</param>
/// <param name="LatencyAlert">Measured successful requests above <see cref="AlertThresholds.LatencyMs"/>, by intended send time.</param>
/// <param name="LatencyBand">Measured successful requests outside <see cref="AlertThresholds.LatencyBandMs"/>.</param>
/// <param name="MemoryAlert">Memory readings above <see cref="AlertThresholds.MemoryMb"/>: every resource sample, or for a classic
/// log the Memory_MB of the measured rows. Times are the wall-clock times as logged (offset 0).</param>
/// <param name="CpuBand">CPU readings of the measured phase outside ±<see cref="AlertThresholds.CpuFluctuationPercent"/> % of their mean.</param>
/// <param name="MemoryTrend">Memory over measured request index (from the rows' Memory_MB, else from the samples placed by completed requests).</param>
/// <param name="CpuPercent">CPU of the service process, 100 = one core: resource samples, else the measured rows.</param>
/// <param name="MemoryMb">The same memory readings as <paramref name="MemoryAlert"/>.</param>
/// <param name="Stages">The processing stages the log reports, in order.</param>
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
    BandCheck LatencyBand,
    ThresholdAlert MemoryAlert,
    BandCheck CpuBand,
    MemorySource MemorySource,
    MemoryTrend MemoryTrend,
    Distribution CpuPercent,
    Distribution MemoryMb,
    IReadOnlyList<StageTiming> Stages,
    IReadOnlyList<Verdict> Verdicts)
{
    public int Succeeded => Requests - Failures;

    /// <summary>The worst severity among the verdicts.</summary>
    public Severity Severity => Verdicts.Count == 0 ? Severity.Ok : Verdicts.Max(v => v.Severity);

    public static RunAnalysis Of(RunLog log, AlertThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        return Of(log.Requests, log.Resources, log.Name, thresholds);
    }

    /// <param name="requests">Request rows (<see cref="RequestLogColumns"/>), warm-up included or not.</param>
    /// <param name="resources">The watched process's samples (<see cref="ResourceLogColumns"/>); null or empty for none.</param>
    public static RunAnalysis Of(DataFrame requests, DataFrame? resources = null, string name = "run", AlertThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(requests);
        thresholds ??= AlertThresholds.Default;
        var view = RequestView.Of(requests);
        var samples = ResourceView.Of(resources);

        var measured = view.Measured;
        var succeeded = view.MeasuredSucceeded;
        var latencies = RequestView.At(view.LatencyMs, succeeded);
        int failures = measured.Length - succeeded.Length;
        var (wallTimeS, throughput) = Throughput(view, measured);
        var (memorySource, memory) = MemoryReadings(view, samples, measured);
        var cpu = CpuReadings(view, samples, measured);
        var timedLatencies = succeeded.Select(i => new TimedValue(AsLogged(view.Timestamp[i]), view.LatencyMs[i])).ToList();
        int firstWarmup = Enumerable.Range(0, view.Count).FirstOrDefault(i => view.Warmup[i], -1);

        var analysis = new RunAnalysis(
            Name: name,
            Thresholds: thresholds,
            LatencyMs: Distribution.Describe(latencies),
            Requests: measured.Length,
            WarmupRequests: view.Count - measured.Length,
            Failures: failures,
            ErrorRate: Rates.ErrorRate(failures, measured.Length),
            WallTimeS: wallTimeS,
            ThroughputRps: throughput,
            ColdStart: ColdStart.Analyze(latencies),
            FirstWarmupLatencyMs: firstWarmup >= 0 && !view.Failed(firstWarmup) ? view.LatencyMs[firstWarmup] : null,
            LatencyAlert: ThresholdCheck.Latency(timedLatencies, thresholds.LatencyMs),
            LatencyBand: BandCheck.Of("Latency", "ms", timedLatencies, thresholds.LatencyBandMs.Low, thresholds.LatencyBandMs.High),
            MemoryAlert: ThresholdCheck.Memory(memory, thresholds.MemoryMb),
            CpuBand: BandCheck.AroundMean("CPU", "%", cpu, thresholds.CpuFluctuationPercent),
            MemorySource: memorySource,
            MemoryTrend: FitMemoryTrend(view, samples, measured),
            CpuPercent: Distribution.Describe(cpu.Select(c => c.Value).ToArray()),
            MemoryMb: Distribution.Describe(memory.Select(m => m.Value).ToArray()),
            Stages: StageTimings(view, succeeded),
            Verdicts: []);
        return analysis with { Verdicts = RunVerdicts.For(analysis, view, measured) };
    }

    public override string ToString() => FormattableString.Invariant(
        $"RunAnalysis {{ Name = {Name}, Requests = {Requests}, WarmupRequests = {WarmupRequests}, Failures = {Failures}, ErrorRate = {ErrorRate}, WallTimeS = {WallTimeS}, ThroughputRps = {ThroughputRps}, LatencyMs = {LatencyMs}, ColdStart = {ColdStart}, FirstWarmupLatencyMs = {FirstWarmupLatencyMs}, LatencyAlert = {LatencyAlert}, LatencyBand = {LatencyBand}, MemoryAlert = {MemoryAlert}, CpuBand = {CpuBand}, MemorySource = {MemorySource}, MemoryTrend = {MemoryTrend}, CpuPercent = {CpuPercent}, Severity = {Severity}, Verdicts = [{string.Join("; ", Verdicts)}] }}");

    /// <summary>A logged wall-clock time as an offset of zero, so that it prints as it was logged on any machine.</summary>
    internal static DateTimeOffset AsLogged(DateTime? timestamp) => timestamp is { } t ? new(t.Ticks, TimeSpan.Zero) : default;

    /// <summary>A failed request counts as completed when it was sent: it has no latency.</summary>
    private static double CompletedS(RequestView view, int row) => view.ElapsedS[row] + (view.Failed(row) ? 0 : view.LatencyMs[row]) / 1000;

    private static (double WallTimeS, double ThroughputRps) Throughput(RequestView view, int[] measured)
    {
        if (measured.Length == 0) return (double.NaN, double.NaN);
        double wallTimeS = measured.Max(i => CompletedS(view, i)) - measured.Min(i => view.ElapsedS[i]);
        return (wallTimeS, wallTimeS > 0 ? measured.Length / wallTimeS : double.NaN);
    }

    private static (MemorySource Source, List<TimedValue> Readings) MemoryReadings(RequestView view, ResourceView samples, int[] measured)
    {
        if (samples.Count > 0)
            return (MemorySource.ResourceSamples, Enumerable.Range(0, samples.Count).Where(i => !double.IsNaN(samples.MemoryMb[i]))
                .Select(i => new TimedValue(AsLogged(samples.Timestamp[i]), samples.MemoryMb[i])).ToList());
        var rows = measured.Where(i => !double.IsNaN(view.MemoryMb[i])).Select(i => new TimedValue(AsLogged(view.Timestamp[i]), view.MemoryMb[i])).ToList();
        return (rows.Count > 0 ? MemorySource.RequestRows : MemorySource.None, rows);
    }

    /// <summary>Resource samples taken while measured requests ran (warm-up and idle tails left out), else the measured rows.</summary>
    private static List<TimedValue> CpuReadings(RequestView view, ResourceView samples, int[] measured)
    {
        if (samples.Count > 0)
        {
            double start = measured.Length > 0 ? measured.Min(i => view.ElapsedS[i]) : double.NegativeInfinity;
            double end = measured.Length > 0 ? measured.Max(i => CompletedS(view, i)) : double.PositiveInfinity;
            return Enumerable.Range(0, samples.Count)
                .Where(i => !double.IsNaN(samples.CpuPercent[i]) && (double.IsNaN(samples.ElapsedS[i]) || (samples.ElapsedS[i] >= start && samples.ElapsedS[i] <= end)))
                .Select(i => new TimedValue(AsLogged(samples.Timestamp[i]), samples.CpuPercent[i])).ToList();
        }
        return measured.Where(i => !double.IsNaN(view.CpuPercent[i])).Select(i => new TimedValue(AsLogged(view.Timestamp[i]), view.CpuPercent[i])).ToList();
    }

    private static MemoryTrend FitMemoryTrend(RequestView view, ResourceView samples, int[] measured)
    {
        var rows = measured.Select((row, index) => (Index: (double)index, Memory: view.MemoryMb[row])).Where(p => !double.IsNaN(p.Memory)).ToList();
        if (rows.Count > 0) return MemoryTrend.Fit(rows.Select(p => p.Index).ToList(), rows.Select(p => p.Memory).ToList());

        // No per-request readings: place each sample at the number of measured requests completed by then.
        var completed = measured.Select(i => CompletedS(view, i)).Order().ToArray();
        var placed = Enumerable.Range(0, samples.Count)
            .Where(i => completed.Length > 0 && samples.ElapsedS[i] >= completed[0] && !double.IsNaN(samples.MemoryMb[i])).ToList();
        return MemoryTrend.Fit(placed.Select(i => (double)CompletedBy(completed, samples.ElapsedS[i])).ToList(), placed.Select(i => samples.MemoryMb[i]).ToList());
    }

    private static int CompletedBy(double[] sortedCompletionsS, double elapsedS)
    {
        int index = Array.BinarySearch(sortedCompletionsS, elapsedS);
        if (index < 0) return ~index;
        while (index + 1 < sortedCompletionsS.Length && sortedCompletionsS[index + 1] == elapsedS) index++;
        return index + 1;
    }

    private static List<StageTiming> StageTimings(RequestView view, int[] succeeded) =>
        view.StageMs
            .OrderBy(s => s.Key)
            .Select(s => (Stage: s.Key, Values: RequestView.At(s.Value, succeeded)))
            .Where(s => s.Values.Length > 0)
            .Select(s => new StageTiming(s.Stage, Distribution.Describe(s.Values)))
            .ToList();
}
