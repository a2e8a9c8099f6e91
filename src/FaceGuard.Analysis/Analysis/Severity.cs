namespace FaceGuard.Analysis;

/// <summary>How much a finding about a run matters, in increasing order.</summary>
public enum Severity
{
    Ok,
    Warning,
    Alert,
}
