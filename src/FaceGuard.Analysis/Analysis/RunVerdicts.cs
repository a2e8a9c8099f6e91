using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Statistics;
using static FaceGuard.Analysis.InvariantText;

namespace FaceGuard.Analysis;

/// <summary>Turns a run's numbers into plain-language findings, the worst first.</summary>
internal static class RunVerdicts
{
    /// <summary>From this share of failed requests on, failures are an Alert; below it, a Warning.</summary>
    public const double ErrorRateAlert = 0.01;

    /// <summary>A first request slower than this many steady medians is a cold start worth a Warning.</summary>
    public const double ColdStartRatioWarning = 2.0;

    /// <summary>The failure verdict names this many of the commonest errors.</summary>
    public const int MaxErrorsListed = 3;

    public static IReadOnlyList<Verdict> For(RunAnalysis run, RequestView view, IReadOnlyList<int> measured)
    {
        List<Verdict> verdicts = [Errors(run, view, measured)];
        if (run.LatencyMs.Count == 0)
        {
            verdicts.Add(new(Severity.Alert, "No measured request succeeded: there are no latencies to judge"));
        }
        else
        {
            verdicts.Add(LatencyThreshold(run));
            verdicts.Add(LatencyBand(run.LatencyBand));
            verdicts.Add(Jitter(run.LatencyMs));
            if (run.LatencyMs.Count > 1)
            {
                verdicts.Add(ColdStartVerdict(run));
            }
        }

        if (run.CpuBand.Samples > 0)
        {
            verdicts.Add(CpuBand(run.CpuBand, run.Thresholds.CpuFluctuationPercent));
        }

        verdicts.Add(MemoryThreshold(run));
        if (double.IsFinite(run.MemoryTrend.SlopeMbPer1000Requests))
        {
            verdicts.Add(MemoryTrendVerdict(run.MemoryTrend));
        }

        return verdicts.OrderByDescending(v => v.Severity).ToList();
    }

    private static Verdict Errors(RunAnalysis run, RequestView view, IReadOnlyList<int> measured)
    {
        if (run.Requests == 0)
        {
            return new(Severity.Alert, "No measured requests");
        }

        if (run.Failures == 0)
        {
            return new(Severity.Ok, $"No failed requests (0 of {Count(run.Requests)})");
        }

        var errors = measured.Where(view.Failed)
            .GroupBy(i => view.Error[i] ?? (view.Status[i] is { } status ? $"HTTP {status.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "no error message"))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var listed = string.Join(", ", errors.Take(MaxErrorsListed).Select(g => $"{g.Key} ({Count(g.Count())}×)"));
        var more = errors.Count > MaxErrorsListed ? $" and {Count(errors.Count - MaxErrorsListed)} more" : "";
        return new(
            run.ErrorRate >= ErrorRateAlert ? Severity.Alert : Severity.Warning,
            $"{Count(run.Failures)} of {Count(run.Requests)} requests failed ({Percent(run.ErrorRate)}): {listed}{more}");
    }

    private static Verdict LatencyThreshold(RunAnalysis run)
    {
        var latency = run.LatencyMs;
        var alert = run.LatencyAlert;
        var limit = Ms(alert.Threshold);
        if (latency.P95 > alert.Threshold)
        {
            return new(Severity.Alert,
                $"p95 latency {Ms(latency.P95)} ms exceeds {limit} ms on {Percent(alert.Share)} of requests ({Count(alert.Crossings)} of {Count(alert.Samples)}, max {Ms(alert.Max)} ms)");
        }

        return alert.Triggered
            ? new(Severity.Warning,
                $"{Count(alert.Crossings)} of {Count(alert.Samples)} requests ({Percent(alert.Share)}) slower than {limit} ms (max {Ms(alert.Max)} ms); p95 {Ms(latency.P95)} ms is within")
            : new(Severity.Ok, $"All {Count(alert.Samples)} requests within {limit} ms (p95 {Ms(latency.P95)} ms, max {Ms(latency.Max)} ms)");
    }

    private static Verdict LatencyBand(BandCheck band)
    {
        var range = $"{Ms(band.Low)}–{Ms(band.High)} ms";
        if (band.Above > 0)
        {
            return new(Severity.Warning,
                $"{Percent(band.Share)} of requests outside the {range} band: {Count(band.Above)} slower (up to {Ms(band.Max)} ms), {Count(band.Below)} faster; " +
                $"first {Time(band.First!.Value)}, last {Time(band.Last!.Value)}, longest streak {Count(band.LongestRun, "request")}");
        }

        return band.Below > 0
            ? new(Severity.Ok, $"No request slower than the {range} band; {Count(band.Below)} of {Count(band.Samples)} ({Percent(band.Share)}) faster, down to {Ms(band.Min)} ms")
            : new(Severity.Ok, $"All {Count(band.Samples)} requests inside the {range} band");
    }

    private static Verdict CpuBand(BandCheck band, double percent)
    {
        var mean = Number((band.Low + band.High) / 2, 1);
        var limits = $"±{Number(percent, 0)} % of its mean of {mean} % ({Number(band.Low, 1)}–{Number(band.High, 1)} %)";
        return band.Broken
            ? new(Severity.Warning,
                $"CPU swung beyond {limits} in {Count(band.Outside)} of {Count(band.Samples)} readings ({Percent(band.Share)}), from {Number(band.Min, 1)} to {Number(band.Max, 1)} %; " +
                $"first {Time(band.First!.Value)}, last {Time(band.Last!.Value)}, longest streak {Count(band.LongestRun, "reading")}")
            : new(Severity.Ok, $"CPU steady: all {Count(band.Samples)} readings within {limits}");
    }

    private static Verdict Jitter(Distribution latency)
    {
        var limit = Number(Distribution.JitterMaxMinRatio, 1);
        return latency.IsJittery
            ? new(Severity.Warning, $"Latency jitter: max/min = {Number(latency.MaxMinRatio, 1)} > {limit} (min {Ms(latency.Min)} ms, max {Ms(latency.Max)} ms)")
            : new(Severity.Ok, $"Latency steady: max/min = {Number(latency.MaxMinRatio, 1)} ≤ {limit}");
    }

    private static Verdict ColdStartVerdict(RunAnalysis run)
    {
        var cold = run.ColdStart;
        var warmup = run.FirstWarmupLatencyMs is { } first
            ? $"; the first warm-up request took {Ms(first)} ms ({Number(first / cold.SteadyMedianMs, 1)}×)"
            : "";
        var facts = $"first measured request {Ms(cold.FirstMs)} ms, {Number(cold.Ratio, 1)}× the steady median of {Ms(cold.SteadyMedianMs)} ms{warmup}";
        return cold.Ratio > ColdStartRatioWarning
            ? new(Severity.Warning, "Cold start: " + facts)
            : new(Severity.Ok, "No cold start: " + facts);
    }

    private static Verdict MemoryThreshold(RunAnalysis run)
    {
        var alert = run.MemoryAlert;
        var limit = Number(alert.Threshold, 1);
        if (run.MemorySource == MemorySource.None)
        {
            return new(Severity.Warning, "No memory readings: memory was not checked");
        }

        return alert.Triggered
            ? new(Severity.Alert,
                $"Memory above {limit} MB in {Count(alert.Crossings)} of {Count(alert.Samples)} readings ({Percent(alert.Share)}), max {Number(alert.Max, 1)} MB, longest run {Count(alert.LongestRun)} readings")
            : new(Severity.Ok, $"Memory within {limit} MB (max {Number(alert.Max, 1)} MB)");
    }

    private static Verdict MemoryTrendVerdict(MemoryTrend trend)
    {
        var slope = $"{Signed(trend.SlopeMbPer1000Requests, 1)} MB per 1,000 requests";
        var fit = $"R² {Fixed(trend.RSquared, 2)}";
        return trend.Verdict == TrendVerdict.Inconclusive
            ? new(Severity.Ok, $"Memory trend not judged: {Count(trend.Points)} readings, fewer than the {Count(MemoryTrend.MinPoints)} needed to tell a leak from warm-up ({slope})")
            : trend.Verdict == TrendVerdict.Growing
            ? new(Severity.Alert, $"Memory growing ({slope}, {fit}): possible leak")
            : trend.RisesOverTheRun
                ? new(Severity.Ok, $"Memory stable: it rose early and levelled off ({slope} over the run, {Signed(trend.LateSlopeMbPer1000Requests, 1)} in its second half)")
            : trend.SlopeMbPer1000Requests > MemoryTrend.GrowingSlopeMbPer1000Requests
                ? new(Severity.Ok, $"Memory stable ({slope}, but {fit}: noise rather than a trend)")
                : new(Severity.Ok, $"Memory stable ({slope})");
    }
}
