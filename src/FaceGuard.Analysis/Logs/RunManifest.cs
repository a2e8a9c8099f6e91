using System.Reflection;
using System.Runtime.InteropServices;
using FaceGuard.Analysis.Sampling;
using FaceGuard.Engine;

namespace FaceGuard.Analysis.Logs;

/// <summary>The small JSON written beside a run's CSV files: what ran, against what, where and when.</summary>
/// <param name="Generator">Who sent the requests when it was not our own runner (Locust); null for ours.</param>
public sealed record RunManifest(
    string Name,
    string Target,
    string Shape,
    IReadOnlyDictionary<string, string> Options,
    DateTimeOffset Started,
    DateTimeOffset Ended,
    string Machine,
    int ProcessorCount,
    string Os,
    string EngineVersion,
    int? WatchedProcessId,
    string? WatchedProcess,
    bool Cancelled = false,
    LoadGenerator? Generator = null)
{
    /// <summary>The manifest of a run that ends now on this machine, with this engine; the watched process is named by
    /// its id, or <paramref name="whyNoProcess"/> says why there is none.</summary>
    public static RunManifest EndingNow(string name, string target, string shape, IReadOnlyDictionary<string, string> options,
        DateTimeOffset started, int? watchedProcessId, string? whyNoProcess, bool cancelled, LoadGenerator? generator = null) =>
        new(name, target, shape, options, started, DateTimeOffset.Now, Environment.MachineName, Environment.ProcessorCount,
            RuntimeInformation.OSDescription, ThisEngineVersion, watchedProcessId,
            watchedProcessId is { } pid ? ProcessReader.Name(pid) : whyNoProcess, cancelled, generator);

    private static string ThisEngineVersion =>
        typeof(FaceAnonymizer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
