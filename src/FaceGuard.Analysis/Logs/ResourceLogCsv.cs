using System.Globalization;
using System.Text;
using CsvHelper;
using FaceGuard.Analysis.Frames;
using Microsoft.Data.Analysis;
using static FaceGuard.Analysis.Logs.ResourceLogColumns;

namespace FaceGuard.Analysis.Logs;

/// <summary>The resource log's columns, one definition for the CSV and the DataFrame.</summary>
public static class ResourceLogColumns
{
    public const string Timestamp = "Timestamp";
    public const string ElapsedS = "Elapsed_s";
    public const string ProcessId = "PID";
    public const string CpuPercent = "CPU_Percent";
    public const string MemoryMb = "Memory_MB";
    public const string Threads = "Threads";

    public static IReadOnlyList<string> All { get; } = [Timestamp, ElapsedS, ProcessId, CpuPercent, MemoryMb, Threads];
}

/// <summary>The watched process over time, as CSV beside the request log.</summary>
public static class ResourceLogCsv
{
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(string path, DataFrame resources)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        using var csv = CsvWriter.Create(file, new CsvWriterOptions { FormatProvider = Invariant, NewLine = "\n" });
        csv.WriteHeader([.. All]);
        var view = ResourceView.Of(resources);
        for (int i = 0; i < view.Count; i++)
        {
            csv.WriteField(view.Timestamp[i]?.ToString(TimestampFormat, Invariant) ?? "");
            csv.WriteField(Number(view.ElapsedS[i], "0.###"));
            csv.WriteField(view.ProcessId[i]?.ToString(Invariant) ?? "");
            csv.WriteField(Number(view.CpuPercent[i], "0.#"));
            csv.WriteField(Number(view.MemoryMb[i], "0.##"));
            csv.WriteField(view.Threads[i]?.ToString(Invariant) ?? "");
            csv.EndRecord();
        }
    }

    public static DataFrame Read(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { FormatProvider = Invariant, TrimWhitespace = true, TrackLineNumbers = true });
        csv.ReadHeader();
        var headers = csv.Headers.ToList();
        var timestamp = new DateTimeBuilder(Timestamp);
        var elapsed = new DoubleBuilder(ElapsedS);
        var pid = new Int32Builder(ProcessId);
        var cpu = new DoubleBuilder(CpuPercent);
        var memory = new DoubleBuilder(MemoryMb);
        var threads = new Int32Builder(Threads);
        var columns = new (string Name, Func<ReadOnlySpan<byte>, bool> Add)[]
        {
            (Timestamp, timestamp.TryAdd), (ElapsedS, elapsed.TryAdd), (ProcessId, pid.TryAdd),
            (CpuPercent, cpu.TryAdd), (MemoryMb, memory.TryAdd), (Threads, threads.TryAdd),
        };
        var indexes = columns.Select(c => headers.IndexOf(c.Name) is >= 0 and int i ? i
            : throw new InvalidDataException($"{path} has no '{c.Name}' column; a resource log has {string.Join(",", All)}.")).ToArray();
        while (csv.Read())
        {
            for (int c = 0; c < columns.Length; c++)
            {
                var field = csv.GetSpan(indexes[c]);
                if (!columns[c].Add(field))
                    throw new InvalidDataException($"{path}, line {csv.LineNumber}: '{Encoding.UTF8.GetString(field)}' is not a valid {columns[c].Name}.");
            }
        }
        return new DataFrame(timestamp.Build(), elapsed.Build(), pid.Build(), cpu.Build(), memory.Build(), threads.Build());
    }

    private static string Number(double value, string format) => double.IsFinite(value) ? value.ToString(format, Invariant) : "";
}
