using Microsoft.Data.Analysis;

namespace FaceGuard.Analysis.Frames;

/// <summary>
/// A DataFrame column's values as a plain array for computing, read from its buffers rather than value by value
/// (a million doubles in a few milliseconds). Columns of any numeric type are accepted, so a frame a notebook built by
/// hand works as well as one read from a log.
/// </summary>
internal static class ColumnValues
{
    /// <summary>Every value as a double, NaN where it is null.</summary>
    public static double[] Doubles(DataFrameColumn column)
    {
        if (column is PrimitiveDataFrameColumn<double> doubles) return Read(doubles);
        if (column is PrimitiveDataFrameColumn<float> floats) return Read(floats);
        if (column is PrimitiveDataFrameColumn<int> ints) return Read(ints);
        if (column is PrimitiveDataFrameColumn<long> longs) return Read(longs);
        var values = new double[column.Length];
        for (long i = 0; i < column.Length; i++)
            values[i] = column[i] is { } value ? Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) : double.NaN;
        return values;
    }

    /// <summary>Every value as an int, null where it is null.</summary>
    public static int?[] Ints(DataFrameColumn column)
    {
        var doubles = Doubles(column);
        var values = new int?[doubles.Length];
        for (int i = 0; i < doubles.Length; i++)
            if (!double.IsNaN(doubles[i])) values[i] = (int)doubles[i];
        return values;
    }

    public static bool[] Booleans(DataFrameColumn column)
    {
        if (column is PrimitiveDataFrameColumn<bool> typed)
        {
            var bools = new bool[typed.Length];
            long row = 0;
            var bitmaps = typed.GetReadOnlyNullBitMapBuffers().ToList();
            int buffer = 0;
            foreach (var data in typed.GetReadOnlyDataBuffers())
            {
                var span = data.Span;
                var validity = bitmaps[buffer++].Span;
                for (int i = 0; i < span.Length; i++) bools[row++] = span[i] && (validity[i >> 3] & (1 << (i & 7))) != 0;
            }
            return bools;
        }
        var values = new bool[column.Length];
        for (long i = 0; i < column.Length; i++) values[i] = column[i] is true;
        return values;
    }

    public static string?[] Strings(DataFrameColumn column)
    {
        var values = new string?[column.Length];
        for (long i = 0; i < column.Length; i++) values[i] = column[i]?.ToString();
        return values;
    }

    public static DateTime?[] DateTimes(DataFrameColumn column)
    {
        if (column is PrimitiveDataFrameColumn<DateTime> typed) return ReadNullable(typed);
        var values = new DateTime?[column.Length];
        for (long i = 0; i < column.Length; i++) values[i] = column[i] as DateTime?;
        return values;
    }

    private static double[] Read<T>(PrimitiveDataFrameColumn<T> column) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var values = new double[column.Length];
        long row = 0;
        var bitmaps = column.GetReadOnlyNullBitMapBuffers().ToList();
        int buffer = 0;
        bool anyNull = column.NullCount > 0;
        foreach (var data in column.GetReadOnlyDataBuffers())
        {
            var span = data.Span;
            var validity = bitmaps[buffer++].Span;
            var target = values.AsSpan((int)row, span.Length);
            if (typeof(T) == typeof(double)) System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(span).CopyTo(target);
            else for (int i = 0; i < span.Length; i++) target[i] = double.CreateTruncating(span[i]);
            if (anyNull)
                for (int i = 0; i < span.Length; i++)
                    if ((validity[i >> 3] & (1 << (i & 7))) == 0) target[i] = double.NaN;
            row += span.Length;
        }
        return values;
    }

    private static DateTime?[] ReadNullable(PrimitiveDataFrameColumn<DateTime> column)
    {
        var values = new DateTime?[column.Length];
        long row = 0;
        var bitmaps = column.GetReadOnlyNullBitMapBuffers().ToList();
        int buffer = 0;
        foreach (var data in column.GetReadOnlyDataBuffers())
        {
            var span = data.Span;
            var validity = bitmaps[buffer++].Span;
            for (int i = 0; i < span.Length; i++)
                values[row++] = (validity[i >> 3] & (1 << (i & 7))) != 0 ? span[i] : null;
        }
        return values;
    }
}
