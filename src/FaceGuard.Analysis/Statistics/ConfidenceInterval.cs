namespace FaceGuard.Analysis.Statistics;

public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    public bool Contains(double value) => Lower <= value && value <= Upper;

    public override string ToString() => FormattableString.Invariant($"[{Lower}, {Upper}]");
}
