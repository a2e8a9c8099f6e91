using FaceGuard.Analysis.Sampling;
using Microsoft.Data.Analysis;
using Columns = FaceGuard.Analysis.Logs.ResourceLogColumns;

namespace FaceGuard.Analysis.Frames;

/// <summary>The watched process's samples as a DataFrame with the resource log's columns.</summary>
public static class ResourceFrame
{
    public static DataFrame From(IReadOnlyList<ResourceSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var timestamp = new DateTimeBuilder(Columns.Timestamp);
        var elapsed = new DoubleBuilder(Columns.ElapsedS);
        var pid = new Int32Builder(Columns.ProcessId);
        var cpu = new DoubleBuilder(Columns.CpuPercent);
        var memory = new DoubleBuilder(Columns.MemoryMb);
        var threads = new Int32Builder(Columns.Threads);
        foreach (var s in samples)
        {
            timestamp.Add(s.Timestamp);
            elapsed.Add(s.ElapsedS);
            pid.Add(s.ProcessId);
            cpu.Add(s.CpuPercent);
            memory.Add(s.MemoryMb);
            threads.Add(s.Threads);
        }
        return new DataFrame(timestamp.Build(), elapsed.Build(), pid.Build(), cpu.Build(), memory.Build(), threads.Build());
    }

    /// <summary>The frame's rows as samples, for code that walks them one by one.</summary>
    public static IReadOnlyList<ResourceSample> ToSamples(DataFrame resources)
    {
        var v = ResourceView.Of(resources);
        return Enumerable.Range(0, v.Count).Select(i => new ResourceSample(
            v.Timestamp[i] ?? default, v.ElapsedS[i], v.ProcessId[i] ?? 0, v.CpuPercent[i], v.MemoryMb[i], v.Threads[i] ?? 0)).ToList();
    }
}

/// <summary>A resource frame's columns as arrays for computing; an absent column comes out empty.</summary>
internal sealed class ResourceView
{
    private ResourceView(int count) => Count = count;

    public int Count { get; }
    public DateTime?[] Timestamp { get; private init; } = [];
    public double[] ElapsedS { get; private init; } = [];
    public int?[] ProcessId { get; private init; } = [];
    public double[] CpuPercent { get; private init; } = [];
    public double[] MemoryMb { get; private init; } = [];
    public int?[] Threads { get; private init; } = [];

    public static ResourceView Of(DataFrame? resources)
    {
        if (resources is null) return new ResourceView(0);
        int count = (int)resources.Rows.Count;
        DataFrameColumn? Column(string name) => resources.Columns.IndexOf(name) is >= 0 and int i ? resources.Columns[i] : null;
        double[] Numbers(string name) => Column(name) is { } c ? ColumnValues.Doubles(c) : Enumerable.Repeat(double.NaN, count).ToArray();
        return new ResourceView(count)
        {
            Timestamp = Column(Columns.Timestamp) is { } t ? ColumnValues.DateTimes(t) : new DateTime?[count],
            ElapsedS = Numbers(Columns.ElapsedS),
            ProcessId = Column(Columns.ProcessId) is { } p ? ColumnValues.Ints(p) : new int?[count],
            CpuPercent = Numbers(Columns.CpuPercent),
            MemoryMb = Numbers(Columns.MemoryMb),
            Threads = Column(Columns.Threads) is { } th ? ColumnValues.Ints(th) : new int?[count],
        };
    }
}
