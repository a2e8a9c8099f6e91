namespace FaceGuard.Analysis.Targets;

/// <summary>Something a load test can send photos to: the embedded engine, or the service at a URL.</summary>
public interface ILoadTarget : IAsyncDisposable
{
    /// <summary>For logs and reports, e.g. "http://127.0.0.1:8080/process".</summary>
    string Description { get; }

    /// <summary>The process doing the work, whose CPU and memory the run samples; null when it cannot be known.</summary>
    int? ProcessId { get; }

    /// <summary>Why <see cref="ProcessId"/> is null, in words a person can act on.</summary>
    string? WhyNoProcess { get; }

    Task<RequestOutcome> SendAsync(TestImage image, CancellationToken cancellationToken);
}
