using System.Threading.RateLimiting;
using FaceGuard.Engine;
using Prometheus;

namespace FaceGuard.Service;

/// <summary>
/// The service's own Prometheus metrics. Request counts and latency by status come from prometheus-net's HTTP
/// middleware (http_requests_received_total, http_request_duration_seconds, http_requests_in_progress), process CPU
/// and memory from its default collectors (process_cpu_seconds_total, process_resident_memory_bytes).
/// </summary>
internal static class ServiceMetrics
{
    public static readonly Counter Faces = Metrics.CreateCounter(
        "faceguard_faces_detected_total", "Faces found (and masked) in processed photos.");

    public static readonly Counter Photos = Metrics.CreateCounter(
        "faceguard_photos_processed_total", "Photos processed successfully.");

    public static readonly Histogram StageSeconds = Metrics.CreateHistogram(
        "faceguard_stage_duration_seconds", "Time per pipeline stage of one photo.",
        new HistogramConfiguration
        {
            LabelNames = ["stage"],
            Buckets = Histogram.ExponentialBuckets(0.001, 2, 14), // 1 ms … 8 s
        });

    public static readonly Counter Rejected = Metrics.CreateCounter(
        "faceguard_requests_rejected_total", "Requests refused with 503 because every slot and queue place was taken.");

    public static readonly Gauge InFlight = Metrics.CreateGauge(
        "faceguard_requests_processing", "Photos being processed right now.");

    public static readonly Gauge Queued = Metrics.CreateGauge(
        "faceguard_queue_length", "Requests waiting for a processing slot.");

    public static readonly Gauge Ready = Metrics.CreateGauge(
        "faceguard_ready", "1 once the models are loaded and warmed up.");

    // prometheus-net names it process_working_set_bytes; alert rules everywhere use the conventional name.
    private static readonly Gauge ResidentMemory = Metrics.CreateGauge(
        "process_resident_memory_bytes", "Resident memory size in bytes (RSS).");

    public static void Observe(ConcurrencyLimiter limiter) => Metrics.DefaultRegistry.AddBeforeCollectCallback(() =>
    {
        ResidentMemory.Set(Environment.WorkingSet); // RSS on Linux
        if (limiter.GetStatistics() is { } statistics) Queued.Set(statistics.CurrentQueuedCount);
    });

    public static void Record(StageTimings timings, int faces)
    {
        Photos.Inc();
        Faces.Inc(faces);
        StageSeconds.WithLabels("decode").Observe(timings.DecodeMs / 1000);
        StageSeconds.WithLabels("detect").Observe(timings.DetectMs / 1000);
        StageSeconds.WithLabels("blur").Observe(timings.BlurMs / 1000);
        StageSeconds.WithLabels("encode").Observe(timings.EncodeMs / 1000);
    }
}
