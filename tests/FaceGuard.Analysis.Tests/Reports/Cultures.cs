using System.Globalization;

namespace FaceGuard.Analysis.Tests.Reports;

internal static class Cultures
{
    /// <summary>
    /// A culture that writes 1.5 as "1,5" and 1000 as "1.000", like de-DE. The build runs with InvariantGlobalization,
    /// where CultureInfo("de-DE") has no culture data to offer, so the separators are set by hand.
    /// </summary>
    public static CultureInfo CommaDecimal()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.PercentGroupSeparator = ".";
        culture.NumberFormat.CurrencyDecimalSeparator = ",";
        culture.DateTimeFormat.DateSeparator = ".";
        culture.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
        return culture;
    }
}
