using FaceGuard.Engine;

namespace FaceGuard.Analysis.Targets;

/// <summary>The engine in this process: no network, no service; the process to watch is this one.</summary>
public sealed class EmbeddedTarget(AnonymizeOptions? options = null, EngineOptions? engineOptions = null) : ILoadTarget
{
    private readonly FaceAnonymizer _engine = new(engineOptions);
    private readonly AnonymizeOptions _options = options ?? AnonymizeOptions.Default;

    public string Description => "embedded engine (in-process)";

    public int? ProcessId => Environment.ProcessId;

    public string? WhyNoProcess => null;

    public AnonymizeOptions Options => _options;

    public Task<RequestOutcome> SendAsync(TestImage image, CancellationToken cancellationToken) => Task.Run(() =>
    {
        try
        {
            var result = _engine.Anonymize(image.Bytes, _options);
            return new RequestOutcome(null, null, result.Faces.Count, result.Image.Length, result.Timings);
        }
        catch (FaceGuardException e)
        {
            return RequestOutcome.Failure("bad image: " + e.Message);
        }
    }, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
