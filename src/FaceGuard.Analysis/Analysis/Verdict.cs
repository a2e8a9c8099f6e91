namespace FaceGuard.Analysis;

/// <summary>One finding about a run in plain language, e.g. "Latency jitter: max/min = 3.4 &gt; 2".</summary>
public sealed record Verdict(Severity Severity, string Text)
{
    public override string ToString() => $"{Severity}: {Text}";
}
