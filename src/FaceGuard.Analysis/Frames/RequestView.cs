using FaceGuard.Engine;
using Microsoft.Data.Analysis;
using Columns = FaceGuard.Analysis.Logs.RequestLogColumns;

namespace FaceGuard.Analysis.Frames;

/// <summary>
/// The columns of a request frame that the statistics and charts compute on, as arrays, found by their names in
/// <see cref="Logs.RequestLogColumns"/>. Columns the frame lacks come out empty (NaN, null): a classic five-column log,
/// or a frame a notebook filtered down to a few columns, works as far as its columns go. Text columns are read only
/// when asked for: a million rows of photo names cost more than every number of the frame.
/// </summary>
internal sealed class RequestView
{
    private readonly DataFrame _frame;
    private readonly Lazy<string?[]> _image, _error, _worker;
    private readonly Lazy<int?[]> _status, _faces;
    private readonly Lazy<double[]> _bytesIn, _bytesOut;

    private RequestView(DataFrame frame)
    {
        _frame = frame;
        Count = (int)frame.Rows.Count;
        _image = new(() => Strings(Columns.Image));
        _error = new(() => Strings(Columns.Error));
        _worker = new(() => Strings(Columns.Worker));
        _status = new(() => Ints(Columns.Status));
        _faces = new(() => Ints(Columns.Faces));
        _bytesIn = new(() => Numbers(Columns.BytesIn));
        _bytesOut = new(() => Numbers(Columns.BytesOut));
        LatencyMs = Numbers(Columns.LatencyMs);
        CpuPercent = Numbers(Columns.CpuPercent);
        MemoryMb = Numbers(Columns.MemoryMb);
        Timestamp = Column(Columns.Timestamp) is { } t ? ColumnValues.DateTimes(t) : new DateTime?[Count];
        ElapsedS = Column(Columns.ElapsedS) is { } e ? ColumnValues.Doubles(e) : FromTimestamps(Timestamp);
        RequestId = Column(Columns.RequestId) is { } id ? ColumnValues.Ints(id) : Enumerable.Range(1, Count).Select(i => (int?)i).ToArray();
        Warmup = Column(Columns.Phase) is { } phase ? ColumnValues.Booleans(phase.ElementwiseEquals(Columns.WarmupPhase)) : new bool[Count];
        var stages = new Dictionary<Stage, double[]>();
        foreach (var stage in Stages.All)
            if ((Column(Columns.StageMs(stage)) ?? (stage == Stage.Mask ? Column(Columns.FormerMaskMs) : null)) is { } c)
                stages[stage] = ColumnValues.Doubles(c);
        StageMs = stages;
    }

    public int Count { get; }
    public DateTime?[] Timestamp { get; }
    public int?[] RequestId { get; }

    /// <summary>NaN for a failed request.</summary>
    public double[] LatencyMs { get; }
    public double[] CpuPercent { get; }
    public double[] MemoryMb { get; }
    public double[] ElapsedS { get; }
    public bool[] Warmup { get; }
    public IReadOnlyDictionary<Stage, double[]> StageMs { get; }
    public string?[] Image => _image.Value;
    public int?[] Status => _status.Value;
    public string?[] Error => _error.Value;
    public int?[] Faces => _faces.Value;
    public double[] BytesIn => _bytesIn.Value;
    public double[] BytesOut => _bytesOut.Value;
    public string?[] Worker => _worker.Value;

    public bool Failed(int row) => double.IsNaN(LatencyMs[row]);

    /// <summary>Rows that are not warm-up, in order.</summary>
    public int[] Measured
    {
        get
        {
            var rows = new List<int>(Count);
            for (int i = 0; i < Count; i++)
                if (!Warmup[i]) rows.Add(i);
            return [.. rows];
        }
    }

    /// <summary>Measured rows that succeeded, in order.</summary>
    public int[] MeasuredSucceeded
    {
        get
        {
            var rows = new List<int>(Count);
            for (int i = 0; i < Count; i++)
                if (!Warmup[i] && !double.IsNaN(LatencyMs[i])) rows.Add(i);
            return [.. rows];
        }
    }

    /// <summary>The values of <paramref name="column"/> at <paramref name="rows"/>, NaN skipped.</summary>
    public static double[] At(double[] column, int[] rows)
    {
        var values = new List<double>(rows.Length);
        foreach (int row in rows)
            if (!double.IsNaN(column[row])) values.Add(column[row]);
        return [.. values];
    }

    public static RequestView Of(DataFrame requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return new RequestView(requests);
    }

    private DataFrameColumn? Column(string name) => _frame.Columns.IndexOf(name) is >= 0 and int i ? _frame.Columns[i] : null;

    private double[] Numbers(string name) => Column(name) is { } c ? ColumnValues.Doubles(c) : Nan(Count);

    private int?[] Ints(string name) => Column(name) is { } c ? ColumnValues.Ints(c) : new int?[Count];

    private string?[] Strings(string name) => Column(name) is { } c ? ColumnValues.Strings(c) : new string?[Count];

    /// <summary>Seconds since the first timestamp, as when reading a classic log without Elapsed_s.</summary>
    private static double[] FromTimestamps(DateTime?[] timestamps)
    {
        var first = timestamps.FirstOrDefault(s => s is not null);
        return timestamps.Select(s => s is { } t && first is { } f ? (t - f).TotalSeconds : double.NaN).ToArray();
    }

    private static double[] Nan(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.NaN);
        return values;
    }
}
