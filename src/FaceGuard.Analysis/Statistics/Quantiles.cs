using MathNet.Numerics.Statistics;

namespace FaceGuard.Analysis.Statistics;

internal static class Quantiles
{
    /// <summary>Linear interpolation between closest ranks (R type 7), the numpy and pandas default.</summary>
    public static double OfSorted(double[] sorted, double probability) =>
        sorted.Length == 0 ? double.NaN : SortedArrayStatistics.QuantileCustom(sorted, probability, QuantileDefinition.R7);

    public static double Median(IEnumerable<double> values) => OfSorted(Sorted(values), 0.5);

    public static double[] Sorted(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
