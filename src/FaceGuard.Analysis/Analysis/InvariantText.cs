using System.Globalization;

namespace FaceGuard.Analysis;

/// <summary>Numbers and times as text for people — verdicts and reports — the same under every culture.</summary>
internal static class InvariantText
{
    /// <summary>Stands for a value that does not exist (NaN, no samples).</summary>
    public const string Missing = "–";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Thousands separated by commas, at most <paramref name="decimals"/> decimals, no "-0".</summary>
    public static string Number(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            return Missing;
        }

        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString(decimals == 0 ? "#,0" : "#,0." + new string('#', decimals), Invariant);
    }

    /// <summary>Exactly <paramref name="decimals"/> decimals: 1.00, 0.25.</summary>
    public static string Fixed(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("F" + decimals.ToString(Invariant), Invariant) : Missing;

    /// <summary>A duration in milliseconds with the precision that matters at its size: 612, 45.3, 3.14.</summary>
    public static string Ms(double value) => Number(value, Math.Abs(value) >= 100 ? 0 : Math.Abs(value) >= 10 ? 1 : 2);

    public static string Signed(double value, int decimals)
    {
        var text = Number(value, decimals);
        return text == Missing || text.StartsWith('-') || text == "0" ? text : "+" + text;
    }

    /// <summary>A share as a percentage: 0.14 → "14 %".</summary>
    public static string Percent(double share) => double.IsFinite(share) ? Number(share * 100, 1) + " %" : Missing;

    public static string Count(long count) => count.ToString("#,0", Invariant);

    /// <summary>"1 reading", "3 readings".</summary>
    public static string Count(long count, string noun) => Count(count) + " " + (count == 1 ? noun : noun + "s");

    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss", Invariant);

    public static string TimeWithOffset(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss zzz", Invariant);
}
