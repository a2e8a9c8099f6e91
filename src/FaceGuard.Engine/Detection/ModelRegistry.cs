namespace FaceGuard.Engine.Detection;

/// <summary>
/// Loads each BlazeFace model at most once per process, on first use, and shares it between all callers:
/// a session costs tens of milliseconds and a few megabytes to create, and runs thread-safely.
/// </summary>
internal sealed class ModelRegistry
{
    public static ModelRegistry Shared { get; } = new();

    private readonly Lazy<BlazeFaceModel> _shortRange = new(() => BlazeFaceModel.Load(ModelKind.ShortRange, intraOpThreads: 1));
    private readonly Lazy<BlazeFaceModel> _longRange = new(() => BlazeFaceModel.Load(ModelKind.LongRange, intraOpThreads: 1));

    public BlazeFaceModel Get(ModelKind kind) => kind switch
    {
        ModelKind.ShortRange => _shortRange.Value,
        ModelKind.LongRange => _longRange.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
