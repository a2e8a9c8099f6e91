using FaceGuard.Analysis.Logs;
using FaceGuard.Engine;
using Microsoft.Data.Analysis;
using static FaceGuard.Analysis.Logs.RequestLogColumns;

namespace FaceGuard.Analysis.Frames;

/// <summary>
/// Request frames: the request log as a DataFrame with the log's columns (<see cref="RequestLogColumns"/>) plus
/// Failed. This is what the statistics, verdicts and charts take, so a frame a notebook filtered or grouped (one
/// image, the last hour, without warm-up) goes straight into them.
/// </summary>
public static class RequestFrame
{
    /// <summary>A load test's records as a frame, every column of the log present.</summary>
    public static DataFrame From(IReadOnlyList<RequestRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var timestamp = new DateTimeBuilder(Timestamp);
        var id = new Int32Builder(RequestId);
        var latency = new DoubleBuilder(LatencyMs);
        var cpu = new DoubleBuilder(CpuPercent);
        var memory = new DoubleBuilder(MemoryMb);
        var elapsed = new DoubleBuilder(ElapsedS);
        var phase = new TextBuilder(Phase);
        var image = new TextBuilder(Image);
        var status = new Int32Builder(Status);
        var error = new TextBuilder(Error);
        var faces = new Int32Builder(Faces);
        var bytesIn = new Int64Builder(BytesIn);
        var bytesOut = new Int64Builder(BytesOut);
        var stages = Stages.All.ToDictionary(s => s, s => new DoubleBuilder(StageMs(s)));
        var worker = new TextBuilder(Worker);
        var failed = new BooleanBuilder(Failed);
        foreach (var r in records)
        {
            timestamp.Add(r.Timestamp);
            id.Add(r.RequestId);
            Add(latency, r.LatencyMs);
            Add(cpu, r.CpuPercent);
            Add(memory, r.MemoryMb);
            elapsed.Add(r.ElapsedS);
            phase.Add(r.Warmup ? WarmupPhase : MeasuredPhase);
            image.Add(r.Image);
            Add(status, r.Status);
            error.Add(r.Error);
            Add(faces, r.Faces);
            Add(bytesIn, r.BytesIn);
            Add(bytesOut, r.BytesOut);
            foreach (var (stage, builder) in stages) Add(builder, r.Stages?[stage]);
            worker.Add(r.Worker);
            failed.Add(r.Failed);
        }
        return new DataFrame([
            timestamp.Build(), id.Build(), latency.Build(), cpu.Build(), memory.Build(), elapsed.Build(), phase.Build(), image.Build(),
            status.Build(), error.Build(), faces.Build(), bytesIn.Build(), bytesOut.Build(), .. stages.Values.Select(b => b.Build()), worker.Build(), failed.Build(),
        ]);
    }

    /// <summary>The frame's rows as records, for code that walks them one by one.</summary>
    public static IReadOnlyList<RequestRecord> ToRecords(DataFrame requests)
    {
        var v = RequestView.Of(requests);
        return Enumerable.Range(0, v.Count).Select(i => new RequestRecord(
            v.Timestamp[i] ?? default, v.RequestId[i] ?? i + 1, v.Failed(i) ? null : v.LatencyMs[i], Nullable(v.CpuPercent[i]), Nullable(v.MemoryMb[i]),
            v.ElapsedS[i], v.Warmup[i], v.Image[i], v.Status[i], v.Error[i], v.Faces[i], (long?)Nullable(v.BytesIn[i]), (long?)Nullable(v.BytesOut[i]),
            v.StageMs.Count == 0 ? null : new StageTimings(Stage(v, Engine.Stage.Decode, i), Stage(v, Engine.Stage.Detect, i), Stage(v, Engine.Stage.Mask, i), Stage(v, Engine.Stage.Encode, i)),
            v.Worker[i])).ToList();
    }

    /// <summary>The rows the statistics are about: all but warm-up.</summary>
    public static DataFrame Measured(DataFrame requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Columns.IndexOf(Phase) < 0) return requests;
        return requests.Filter(requests[Phase].ElementwiseNotEquals(WarmupPhase));
    }

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    private static double Stage(RequestView view, Stage stage, int row) => view.StageMs.TryGetValue(stage, out var ms) ? ms[row] : double.NaN;

    private static void Add<T>(PrimitiveBuilder<T> builder, T? value) where T : unmanaged
    {
        if (value is { } v) builder.Add(v);
        else builder.AddNull();
    }
}
