using System.Threading.RateLimiting;
using FaceGuard.Engine;
using Prometheus;

namespace FaceGuard.Service;

/// <summary>
/// The service's Prometheus metrics, in a registry of its own: two services in one process (the tests start several)
/// never share a number. Request counts and latency by status come from prometheus-net's HTTP middleware
/// (http_requests_received_total, http_request_duration_seconds, http_requests_in_progress), process CPU and the .NET
/// runtime from its DotNetStats collectors, resident memory and the queue from a callback before each scrape.
/// </summary>
internal sealed class ServiceMetrics
{
    public ServiceMetrics(ConcurrencyLimiter limiter)
    {
        DotNetStats.Register(Registry);
        var factory = Metrics.WithCustomRegistry(Registry);
        Faces = factory.CreateCounter("faceguard_faces_detected_total", "Faces found (and masked) in processed photos.");
        Photos = factory.CreateCounter("faceguard_photos_processed_total", "Photos processed successfully.");
        StageSeconds = factory.CreateHistogram("faceguard_stage_duration_seconds", "Time per pipeline stage of one photo.",
            new HistogramConfiguration
            {
                LabelNames = ["stage"],
                Buckets = Histogram.ExponentialBuckets(0.001, 2, 14), // 1 ms … 8 s
            });
        Rejected = factory.CreateCounter("faceguard_requests_rejected_total", "Requests refused with 503 because every slot and queue place was taken.");
        InFlight = factory.CreateGauge("faceguard_requests_processing", "Photos being processed right now.");
        var queued = factory.CreateGauge("faceguard_queue_length", "Requests waiting for a processing slot.");
        Ready = factory.CreateGauge("faceguard_ready", "1 once the models are loaded and warmed up.");
        // prometheus-net names it process_working_set_bytes; alert rules everywhere use the conventional name.
        var residentMemory = factory.CreateGauge("process_resident_memory_bytes", "Resident memory size in bytes (RSS).");
        Registry.AddBeforeCollectCallback(() =>
        {
            residentMemory.Set(Environment.WorkingSet); // RSS on Linux
            if (limiter.GetStatistics() is { } statistics) queued.Set(statistics.CurrentQueuedCount);
        });
    }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public Counter Faces { get; }
    public Counter Photos { get; }
    public Histogram StageSeconds { get; }
    public Counter Rejected { get; }
    public Gauge InFlight { get; }
    public Gauge Ready { get; }

    public void Record(StageTimings timings, int faces)
    {
        Photos.Inc();
        Faces.Inc(faces);
        foreach (var stage in Stages.All) StageSeconds.WithLabels(Stages.Name(stage)).Observe(timings[stage] / 1000);
    }
}
