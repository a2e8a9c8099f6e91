using FaceGuard.Analysis.Logs;
using Microsoft.Data.Analysis;

namespace FaceGuard.Analysis.Frames;

/// <summary>
/// A run's logs as Microsoft.Data.Analysis DataFrames with typed columns named like the CSV headers, for notebooks.
/// Failed requests stay in the frame: Latency_ms is null there and Failed is true, so they are counted, not lost.
/// </summary>
public static class RunFrames
{
    /// <summary>Reads a request log (ours or the classic script's) straight into a DataFrame.</summary>
    public static DataFrame LoadRequests(string path) => Requests(RequestLogCsv.Read(path));

    public static DataFrame Requests(RunLog run) => Requests(run.Requests);

    public static DataFrame Requests(IReadOnlyList<RequestRecord> rows)
    {
        int n = rows.Count;
        var timestamp = new PrimitiveDataFrameColumn<DateTime>("Timestamp", n);
        var id = new Int32DataFrameColumn("Request_ID", n);
        var latency = new DoubleDataFrameColumn("Latency_ms", n);
        var cpu = new DoubleDataFrameColumn("CPU_Percent", n);
        var memory = new DoubleDataFrameColumn("Memory_MB", n);
        var failed = new BooleanDataFrameColumn("Failed", n);
        var elapsed = new DoubleDataFrameColumn("Elapsed_s", n);
        var warmup = new BooleanDataFrameColumn("Warmup", n);
        var image = new StringDataFrameColumn("Image", n);
        var error = new StringDataFrameColumn("Error", n);
        var faces = new Int32DataFrameColumn("Faces", n);
        var decode = new DoubleDataFrameColumn("Decode_ms", n);
        var detect = new DoubleDataFrameColumn("Detect_ms", n);
        var mask = new DoubleDataFrameColumn("Mask_ms", n);
        var encode = new DoubleDataFrameColumn("Encode_ms", n);
        for (int i = 0; i < n; i++)
        {
            var r = rows[i];
            timestamp[i] = r.Timestamp;
            id[i] = r.RequestId;
            latency[i] = r.LatencyMs;
            cpu[i] = r.CpuPercent;
            memory[i] = r.MemoryMb;
            failed[i] = r.Failed;
            elapsed[i] = r.ElapsedS;
            warmup[i] = r.Warmup;
            image[i] = r.Image;
            error[i] = r.Error;
            faces[i] = r.Faces;
            decode[i] = r.DecodeMs;
            detect[i] = r.DetectMs;
            mask[i] = r.MaskMs;
            encode[i] = r.EncodeMs;
        }
        return new DataFrame(timestamp, id, latency, cpu, memory, failed, elapsed, warmup, image, error, faces, decode, detect, mask, encode);
    }

    public static DataFrame Resources(RunLog run)
    {
        int n = run.Resources.Count;
        var timestamp = new PrimitiveDataFrameColumn<DateTime>("Timestamp", n);
        var elapsed = new DoubleDataFrameColumn("Elapsed_s", n);
        var pid = new Int32DataFrameColumn("PID", n);
        var cpu = new DoubleDataFrameColumn("CPU_Percent", n);
        var memory = new DoubleDataFrameColumn("Memory_MB", n);
        var threads = new Int32DataFrameColumn("Threads", n);
        for (int i = 0; i < n; i++)
        {
            var s = run.Resources[i];
            (timestamp[i], elapsed[i], pid[i], cpu[i], memory[i], threads[i]) = (s.Timestamp, s.ElapsedS, s.ProcessId, s.CpuPercent, s.MemoryMb, s.Threads);
        }
        return new DataFrame(timestamp, elapsed, pid, cpu, memory, threads);
    }
}
