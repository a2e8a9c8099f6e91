namespace FaceGuard.Analysis.LoadTests;

/// <summary>Reported after every request.</summary>
public sealed record LoadTestProgress(int Completed, int Total, int Failed, double? LastLatencyMs, bool Warmup);
