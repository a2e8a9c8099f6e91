using System.Globalization;
using System.Text;
using CsvHelper;
using FaceGuard.Analysis.Sampling;

namespace FaceGuard.Analysis.Logs;

/// <summary>The watched process over time, as CSV beside the request log.</summary>
public static class ResourceLogCsv
{
    public static readonly string[] Columns = ["Timestamp", "Elapsed_s", "PID", "CPU_Percent", "Memory_MB", "Threads"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(string path, IEnumerable<ResourceSample> samples)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        using var csv = CsvWriter.Create(file, new CsvWriterOptions { FormatProvider = Invariant, NewLine = "\n" });
        csv.WriteHeader(Columns);
        foreach (var s in samples)
        {
            csv.WriteField(s.Timestamp.ToString("yyyy-MM-dd HH:mm:ss.fff", Invariant));
            csv.WriteField(s.ElapsedS.ToString("0.###", Invariant));
            csv.WriteField(s.ProcessId.ToString(Invariant));
            csv.WriteField(s.CpuPercent.ToString("0.#", Invariant));
            csv.WriteField(s.MemoryMb.ToString("0.##", Invariant));
            csv.WriteField(s.Threads.ToString(Invariant));
            csv.EndRecord();
        }
    }

    public static List<ResourceSample> Read(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { FormatProvider = Invariant, TrimWhitespace = true });
        var samples = new List<ResourceSample>();
        while (csv.Read())
        {
            samples.Add(new ResourceSample(
                DateTime.ParseExact(csv.GetString("Timestamp"), ["yyyy-MM-dd HH:mm:ss.fff", RequestLogCsv.TimestampFormat], Invariant, DateTimeStyles.None),
                double.Parse(csv.GetSpan(csv.GetFieldIndex("Elapsed_s")), Invariant),
                int.Parse(csv.GetSpan(csv.GetFieldIndex("PID")), Invariant),
                double.Parse(csv.GetSpan(csv.GetFieldIndex("CPU_Percent")), Invariant),
                double.Parse(csv.GetSpan(csv.GetFieldIndex("Memory_MB")), Invariant),
                int.Parse(csv.GetSpan(csv.GetFieldIndex("Threads")), Invariant)));
        }
        return samples;
    }
}
