using FaceGuard.Engine.Detection.BlazeFace;
using FaceGuard.Engine.Detection.YuNet;

namespace FaceGuard.Engine.Detection;

/// <summary>
/// Loads each network at most once per process, on first use, and shares it between all callers:
/// a session costs tens of milliseconds and a few megabytes to create, and runs thread-safely.
/// </summary>
internal sealed class ModelRegistry
{
    public static ModelRegistry Shared { get; } = new();

    private readonly Lazy<BlazeFaceModel> _shortRange = new(() => BlazeFaceModel.Load(DetectorModel.BlazeFaceShortRange, intraOpThreads: 1));
    private readonly Lazy<BlazeFaceModel> _longRange = new(() => BlazeFaceModel.Load(DetectorModel.BlazeFace, intraOpThreads: 1));
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Lazy<YuNetModel>> _yuNet = new();

    public BlazeFaceModel BlazeFace(DetectorModel kind) => kind switch
    {
        DetectorModel.BlazeFaceShortRange => _shortRange.Value,
        DetectorModel.BlazeFace => _longRange.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a BlazeFace model"),
    };

    /// <summary>YuNet with runs spread over <paramref name="threads"/> cores; a process normally asks for one count only.</summary>
    public YuNetModel YuNet(int threads) =>
        _yuNet.GetOrAdd(threads, t => new Lazy<YuNetModel>(() => new YuNetModel(ModelFiles.Read(YuNetModel.FileName), t))).Value;
}
