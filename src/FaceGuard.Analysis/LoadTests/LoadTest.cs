using System.Collections.Concurrent;
using System.Diagnostics;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Sampling;
using FaceGuard.Analysis.Targets;

namespace FaceGuard.Analysis.LoadTests;

/// <summary>
/// Runs a load test against a target while sampling the target's process, and returns everything as a
/// <see cref="RunLog"/>. Cancellation stops sending; what was measured until then is returned, marked cancelled.
/// </summary>
public static class LoadTest
{
    public static async Task<RunLog> RunAsync(ILoadTarget target, IReadOnlyList<TestImage> images, LoadTestOptions options,
        IProgress<LoadTestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (images.Count == 0) throw new ArgumentException("A load test needs at least one photo.", nameof(images));
        var run = new Run(target, images, options, progress, cancellationToken);
        return await run.ExecuteAsync();
    }

    /// <summary>The state of one run: the clock everything is measured on, the sampler, the rows.</summary>
    private sealed class Run(ILoadTarget target, IReadOnlyList<TestImage> images, LoadTestOptions options,
        IProgress<LoadTestProgress>? progress, CancellationToken cancellationToken)
    {
        private readonly long _origin = Stopwatch.GetTimestamp();
        private readonly DateTime _originWallClock = DateTime.Now;
        private DateTimeOffset Started => new(_originWallClock);
        private readonly ConcurrentQueue<RequestRecord> _records = new();
        private readonly int _total = options.Warmup + options.MeasuredRequests;
        private ProcessSampler? _sampler;
        private int _completed, _failed, _inFlight, _nextId;

        public async Task<RunLog> ExecuteAsync()
        {
            if (target.ProcessId is { } pid) _sampler = ProcessSampler.Start(pid, options.SampleInterval, _origin, _originWallClock);
            IReadOnlyList<ResourceSample> samples = [];
            try
            {
                for (int i = 0; i < options.Warmup && !cancellationToken.IsCancellationRequested; i++)
                    await SendAsync(Stopwatch.GetTimestamp(), warmup: true);
                if (options.IsOpenLoop) await OpenLoopAsync();
                else await ClosedLoopAsync();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // stop sending; keep what was measured
            }
            finally
            {
                if (_sampler is not null) samples = await _sampler.StopAsync();
            }

            var manifest = RunManifest.EndingNow(options.Name, target.Description, options.Shape, options.Describe(), Started,
                target.ProcessId, target.WhyNoProcess, cancellationToken.IsCancellationRequested);
            return new RunLog(_records.OrderBy(r => r.RequestId).ToList(), samples, manifest);
        }

        private async Task ClosedLoopAsync()
        {
            int remaining = options.Requests;
            var workers = Enumerable.Range(0, Math.Min(options.Concurrency, options.Requests)).Select(async _ =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0 && !cancellationToken.IsCancellationRequested)
                {
                    await SendAsync(Stopwatch.GetTimestamp(), warmup: false);
                    if (options.Interval > TimeSpan.Zero) await Task.Delay(options.Interval, cancellationToken);
                }
            });
            await Task.WhenAll(workers);
        }

        private async Task OpenLoopAsync()
        {
            double rate = options.RatePerSecond!.Value;
            long start = Stopwatch.GetTimestamp();
            int count = options.MeasuredRequests;
            var sends = new List<Task>(count);
            for (int i = 0; i < count; i++)
            {
                long intended = start + (long)(i / rate * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);

                if (Volatile.Read(ref _inFlight) >= options.MaxInFlight)
                    Record(NewId(), intended, warmup: false, images[0], RequestOutcome.Failure($"generator saturated: {options.MaxInFlight} requests in flight"), latencyMs: null);
                else
                    sends.Add(SendAsync(intended, warmup: false));
            }
            await Task.WhenAll(sends);
        }

        /// <param name="intended">When the request was meant to go out; its latency is counted from then.</param>
        private async Task SendAsync(long intended, bool warmup)
        {
            int id = NewId();
            var image = images[(id - 1) % images.Count];
            Interlocked.Increment(ref _inFlight);
            RequestOutcome outcome;
            try
            {
                outcome = await target.SendAsync(image, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return; // cut off by the stop: not a measurement
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
            double latencyMs = Stopwatch.GetElapsedTime(intended).TotalMilliseconds;
            Record(id, intended, warmup, image, outcome, outcome.Succeeded ? latencyMs : null);
        }

        private void Record(int id, long intended, bool warmup, TestImage image, RequestOutcome outcome, double? latencyMs)
        {
            double elapsed = Stopwatch.GetElapsedTime(_origin, intended).TotalSeconds;
            var sample = _sampler?.Latest;
            _records.Enqueue(new RequestRecord(
                _originWallClock.AddSeconds(elapsed), id, latencyMs, sample?.CpuPercent, sample?.MemoryMb, elapsed, warmup,
                image.Name, outcome.Status, outcome.Error, outcome.Faces, image.Bytes.Length, outcome.BytesOut, outcome.Stages));
            int completed = Interlocked.Increment(ref _completed);
            int failed = latencyMs is null ? Interlocked.Increment(ref _failed) : Volatile.Read(ref _failed);
            progress?.Report(new LoadTestProgress(completed, _total, failed, latencyMs, warmup));
        }

        private int NewId() => Interlocked.Increment(ref _nextId);
    }
}
