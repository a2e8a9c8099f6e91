using Microsoft.Data.Analysis;

namespace FaceGuard.Analysis.Prometheus;

/// <summary>
/// A query result as Microsoft.Data.Analysis DataFrames, the same kind of frame <see cref="Frames.RequestFrame"/> gives
/// for bench logs. Timestamps are UTC <see cref="DateTime"/>s, as Prometheus keeps them.
/// </summary>
public static class PrometheusFrames
{
    public const string TimestampColumn = "Timestamp";
    public const string SeriesColumn = "Series";
    public const string ValueColumn = "Value";

    /// <summary>
    /// One row per sample (long form, what pandas calls tidy): Timestamp, Series (the series key), Value, then one
    /// string column per label name found in any series (null where a series lacks it; a label named like one of the
    /// first three columns gets a "label_" prefix). Rows are series by series, each in time order.
    /// </summary>
    public static DataFrame Long(PrometheusResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        int n = result.Series.Sum(s => s.Samples.Count);
        var timestamp = new PrimitiveDataFrameColumn<DateTime>(TimestampColumn, n);
        var series = new StringDataFrameColumn(SeriesColumn, n);
        var value = new DoubleDataFrameColumn(ValueColumn, n);
        var labelNames = result.Series.SelectMany(s => s.Labels.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var labels = labelNames.Select(name => new StringDataFrameColumn(LabelColumn(name), n)).ToList();

        int row = 0;
        foreach (var s in result.Series)
        {
            foreach (var sample in s.Samples)
            {
                timestamp[row] = sample.Timestamp.UtcDateTime;
                series[row] = s.Key;
                value[row] = sample.Value;
                for (int l = 0; l < labelNames.Count; l++) labels[l][row] = s.Labels.GetValueOrDefault(labelNames[l]);
                row++;
            }
        }
        return new DataFrame([timestamp, series, value, .. labels]);
    }

    /// <summary>
    /// One row per timestamp, one Value column per series named by its key (wide form, for plotting or comparing
    /// series side by side). A series without a sample at a row's time has null there.
    /// </summary>
    public static DataFrame Wide(PrometheusResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var times = result.Series.SelectMany(s => s.Samples).Select(s => s.Timestamp).Distinct().Order().ToList();
        var rowOf = times.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        var timestamp = new PrimitiveDataFrameColumn<DateTime>(TimestampColumn, times.Select(t => t.UtcDateTime));
        var columns = new List<DataFrameColumn> { timestamp };
        foreach (var s in result.Series)
        {
            var column = new DoubleDataFrameColumn(s.Key, times.Count);
            foreach (var sample in s.Samples) column[rowOf[sample.Timestamp]] = sample.Value;
            columns.Add(column);
        }
        return new DataFrame(columns);
    }

    private static string LabelColumn(string label) =>
        label is TimestampColumn or SeriesColumn or ValueColumn ? "label_" + label : label;
}
