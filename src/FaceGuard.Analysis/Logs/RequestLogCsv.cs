using System.Globalization;
using System.Text;
using CsvHelper;
using FaceGuard.Analysis.Frames;
using FaceGuard.Engine;
using Microsoft.Data.Analysis;
using static FaceGuard.Analysis.Logs.RequestLogColumns;

namespace FaceGuard.Analysis.Logs;

/// <summary>
/// The request log as CSV (<see cref="RequestLogColumns"/>), written from and read straight into a DataFrame. Reading accepts the classic script's five columns alone, logs written before the mask stage was renamed,
/// and columns it does not know (left out). A million rows load in about a second.
/// </summary>
public static class RequestLogCsv
{
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the frame's rows with every column of the log, empty where the frame has none.</summary>
    public static void Write(string path, DataFrame requests)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        Write(file, requests);
    }

    public static void Write(TextWriter destination, DataFrame requests)
    {
        var r = RequestView.Of(requests);
        using var csv = CsvWriter.Create(destination, new CsvWriterOptions { FormatProvider = Invariant, NewLine = "\n" });
        csv.WriteHeader([.. All]);
        for (int i = 0; i < r.Count; i++)
        {
            csv.WriteField(r.Timestamp[i]?.ToString(TimestampFormat, Invariant) ?? "");
            csv.WriteField(r.RequestId[i]?.ToString(Invariant) ?? "");
            csv.WriteField(r.Failed(i) ? FailedLatency : Number(r.LatencyMs[i], "0.###"));
            csv.WriteField(Number(r.CpuPercent[i], "0.#"));
            csv.WriteField(Number(r.MemoryMb[i], "0.##"));
            csv.WriteField(Number(r.ElapsedS[i], "0.######"));
            csv.WriteField(r.Warmup[i] ? WarmupPhase : MeasuredPhase);
            csv.WriteField(r.Image[i] ?? "");
            csv.WriteField(r.Status[i]?.ToString(Invariant) ?? "");
            csv.WriteField(r.Error[i] ?? "");
            csv.WriteField(r.Faces[i]?.ToString(Invariant) ?? "");
            csv.WriteField(Number(r.BytesIn[i], "0"));
            csv.WriteField(Number(r.BytesOut[i], "0"));
            foreach (var stage in Stages.All) csv.WriteField(r.StageMs.TryGetValue(stage, out var ms) ? Number(ms[i], "0.###") : "");
            csv.WriteField(r.Worker[i] ?? "");
            csv.EndRecord();
        }
    }

    /// <summary>Reads a request log — ours, or the classic script's with only the first five columns — into a DataFrame
    /// with all the log's columns (<see cref="RequestLogColumns"/>, those the file lacks empty) plus Failed, and Elapsed_s
    /// derived from the timestamps when the log has none.</summary>
    /// <exception cref="InvalidDataException">A required column is missing or a value cannot be read; says which line.</exception>
    public static DataFrame Read(string path)
    {
        using var csv = CsvReader.FromFile(path, Options);
        return Read(csv, path);
    }

    public static DataFrame ReadText(string text)
    {
        using var csv = CsvReader.FromText(text, Options);
        return Read(csv, "text");
    }

    // Line numbers are counted here rather than by the reader (which tracked them at a quarter of its speed): a log
    // has no line breaks inside its fields.
    private static CsvReaderOptions Options => new() { FormatProvider = Invariant, TrimWhitespace = true };

    private static DataFrame Read(CsvReader csv, string source)
    {
        csv.ReadHeader();
        var headers = csv.Headers.ToList();
        int Index(string name) => headers.IndexOf(name);
        foreach (string required in new[] { Timestamp, RequestId, LatencyMs })
            if (Index(required) < 0)
                throw new InvalidDataException($"{source} has no '{required}' column; a request log starts with {string.Join(",", Classic)}.");

        var timestamp = new DateTimeBuilder(Timestamp);
        var requestId = new Int32Builder(RequestId);
        var latency = new DoubleBuilder(LatencyMs);
        var failed = new BooleanBuilder(Failed);
        int elapsedIndex = Index(ElapsedS);
        var elapsed = new DoubleBuilder(ElapsedS);
        // Optional columns: (index in the file, how to read a field).
        var optional = new List<(int Index, ColumnBuilder Builder, Func<ReadOnlySpan<byte>, bool> Add)>();
        void Number(string name, string? former = null)
        {
            int index = Index(name) is >= 0 and int i ? i : former is null ? -1 : Index(former);
            if (index < 0) return;
            var builder = new DoubleBuilder(name);
            optional.Add((index, builder, builder.TryAdd));
        }
        void Whole(string name)
        {
            if (Index(name) is not (>= 0 and int index)) return;
            var builder = new Int32Builder(name);
            optional.Add((index, builder, builder.TryAdd));
        }
        void Long(string name)
        {
            if (Index(name) is not (>= 0 and int index)) return;
            var builder = new Int64Builder(name);
            optional.Add((index, builder, builder.TryAdd));
        }
        void Text(string name)
        {
            if (Index(name) is not (>= 0 and int index)) return;
            var builder = new TextBuilder(name);
            optional.Add((index, builder, field => { builder.Add(field); return true; }));
        }
        Number(CpuPercent);
        Number(MemoryMb);
        Text(Phase);
        Text(Image);
        Whole(Status);
        Text(Error);
        Whole(Faces);
        Long(BytesIn);
        Long(BytesOut);
        foreach (var stage in Stages.All) Number(StageMs(stage), stage == Stage.Mask ? FormerMaskMs : null);
        Text(Worker);

        int timestampIndex = Index(Timestamp), idIndex = Index(RequestId), latencyIndex = Index(LatencyMs);
        DateTime? first = null;
        int line = 1;
        while (csv.Read())
        {
            line++;
            var stamp = csv.GetSpan(timestampIndex);
            if (!timestamp.TryAdd(stamp)) throw Unreadable(line, source, Timestamp, stamp);
            var id = csv.GetSpan(idIndex);
            if (!requestId.TryAdd(id)) throw Unreadable(line, source, RequestId, id);

            var latencyField = csv.GetSpan(latencyIndex);
            bool isFailed = latencyField.IsEmpty || Ascii.EqualsIgnoreCase(latencyField, "Failed"u8);
            if (isFailed) latency.AddNull();
            else if (!latency.TryAdd(latencyField)) throw Unreadable(line, source, LatencyMs, latencyField);
            failed.Add(isFailed);

            if (elapsedIndex >= 0)
            {
                var field = csv.GetSpan(elapsedIndex);
                if (!elapsed.TryAdd(field)) throw Unreadable(line, source, ElapsedS, field);
            }
            else if (timestamp.Get(timestamp.Count - 1) is { } time)
            {
                first ??= time;
                elapsed.Add((time - first.Value).TotalSeconds);
            }
            else elapsed.AddNull();

            foreach (var (index, builder, add) in optional)
            {
                var field = csv.GetSpan(index);
                if (!add(field)) throw Unreadable(line, source, builder.Name, field);
            }
        }

        // Every log reads into the same columns, so one notebook cell works on any of them: a column the file lacks
        // (the classic script writes five) comes out empty, and without a Phase every request is a measured one.
        var built = optional.Select(o => o.Builder.Build()).Concat([timestamp.Build(), requestId.Build(), latency.Build(), elapsed.Build()])
            .ToDictionary(c => c.Name);
        long rows = built[Timestamp].Length;
        var columns = All.Select(name => built.TryGetValue(name, out var column) ? column : Absent(name, rows)).Append(failed.Build());
        return new DataFrame(columns);
    }

    private static DataFrameColumn Absent(string name, long rows) => name switch
    {
        Phase => new StringDataFrameColumn(Phase, Enumerable.Repeat(MeasuredPhase, (int)rows)),
        Image or Error or Worker => new StringDataFrameColumn(name, rows),
        Status or Faces => new Int32DataFrameColumn(name, rows),
        BytesIn or BytesOut => new Int64DataFrameColumn(name, rows),
        _ => new DoubleDataFrameColumn(name, rows),
    };

    private static InvalidDataException Unreadable(int line, string source, string column, ReadOnlySpan<byte> value) =>
        new($"{source}, line {line}: '{Encoding.UTF8.GetString(value)}' is not a valid {column}.");

    private static string Number(double value, string format) => double.IsFinite(value) ? value.ToString(format, Invariant) : "";
}
