using FaceGuard.Engine;

namespace FaceGuard.Analysis.Logs;

/// <summary>
/// The request log's columns: the one definition that the CSV writer and reader, the DataFrame builder, the
/// statistics and the charts use. The first five are exactly the classic script's, so its pandas scripts keep working;
/// the others follow. The DataFrame has the same columns under the same names, plus <see cref="Failed"/>.
/// </summary>
public static class RequestLogColumns
{
    /// <summary>yyyy-MM-dd HH:mm:ss, local wall-clock time, as the classic script logs it.</summary>
    public const string Timestamp = "Timestamp";
    public const string RequestId = "Request_ID";

    /// <summary>Milliseconds; "Failed" in the CSV for a failed request, null in the DataFrame.</summary>
    public const string LatencyMs = "Latency_ms";

    /// <summary>CPU of the watched (service) process in the latest sample, 100 = one core.</summary>
    public const string CpuPercent = "CPU_Percent";
    public const string MemoryMb = "Memory_MB";

    public const string ElapsedS = "Elapsed_s";

    /// <summary>"warmup" or "measured": warm-up rows are logged but left out of the statistics.</summary>
    public const string Phase = "Phase";
    public const string Image = "Image";
    public const string Status = "Status";
    public const string Error = "Error";
    public const string Faces = "Faces";
    public const string BytesIn = "Bytes_In";
    public const string BytesOut = "Bytes_Out";

    /// <summary>Which load generator process sent the request (a Locust worker, for instance); empty for our own runner.</summary>
    public const string Worker = "Worker";

    /// <summary>Only in the DataFrame: true where <see cref="LatencyMs"/> is null.</summary>
    public const string Failed = "Failed";

    public const string FailedLatency = "Failed";
    public const string WarmupPhase = "warmup";
    public const string MeasuredPhase = "measured";

    /// <summary>The mask stage's column before it was renamed; still read.</summary>
    public const string FormerMaskMs = "Blur_ms";

    public static IReadOnlyList<string> Classic { get; } = [Timestamp, RequestId, LatencyMs, CpuPercent, MemoryMb];

    /// <summary>Every column of a request log in the order it is written.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. Classic, ElapsedS, Phase, Image, Status, Error, Faces, BytesIn, BytesOut, .. Stages.All.Select(StageMs), Worker];

    /// <summary>"Decode_ms", "Detect_ms", "Mask_ms", "Encode_ms".</summary>
    public static string StageMs(Stage stage) => $"{stage}_ms";
}
