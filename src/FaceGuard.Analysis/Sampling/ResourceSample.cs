namespace FaceGuard.Analysis.Sampling;

/// <summary>One reading of the watched process: CPU over the interval since the previous reading (100 = one core),
/// resident memory and thread count.</summary>
public sealed record ResourceSample(DateTime Timestamp, double ElapsedS, int ProcessId, double CpuPercent, double MemoryMb, int Threads);
