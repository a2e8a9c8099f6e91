using System.Globalization;
using System.Text;
using CsvHelper;

namespace FaceGuard.Analysis.Logs;

/// <summary>
/// The request log as CSV. The first five columns are exactly the classic ones — Timestamp (yyyy-MM-dd HH:mm:ss),
/// Request_ID, Latency_ms ("Failed" when the request failed), CPU_Percent, Memory_MB — so the pandas scripts users
/// already have keep working; the extra columns follow. Reading accepts the classic file alone as well.
/// </summary>
public static class RequestLogCsv
{
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";
    public const string FailedLatency = "Failed";

    public static readonly string[] ClassicColumns = ["Timestamp", "Request_ID", "Latency_ms", "CPU_Percent", "Memory_MB"];

    public static readonly string[] ExtraColumns =
        ["Elapsed_s", "Phase", "Image", "Status", "Error", "Faces", "Bytes_In", "Bytes_Out", "Decode_ms", "Detect_ms", "Mask_ms", "Encode_ms"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(string path, IEnumerable<RequestRecord> records)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        Write(file, records);
    }

    public static void Write(TextWriter destination, IEnumerable<RequestRecord> records)
    {
        using var csv = CsvWriter.Create(destination, new CsvWriterOptions { FormatProvider = Invariant, NewLine = "\n" });
        csv.WriteHeader([.. ClassicColumns, .. ExtraColumns]);
        foreach (var r in records)
        {
            csv.WriteField(r.Timestamp.ToString(TimestampFormat, Invariant));
            csv.WriteField(r.RequestId.ToString(Invariant));
            csv.WriteField(r.LatencyMs is { } latency ? Number(latency, "0.###") : FailedLatency);
            csv.WriteField(Number(r.CpuPercent, "0.#"));
            csv.WriteField(Number(r.MemoryMb, "0.##"));
            csv.WriteField(Number(r.ElapsedS, "0.######"));
            csv.WriteField(r.Warmup ? "warmup" : "measured");
            csv.WriteField(r.Image ?? "");
            csv.WriteField(r.Status?.ToString(Invariant) ?? "");
            csv.WriteField(r.Error ?? "");
            csv.WriteField(r.Faces?.ToString(Invariant) ?? "");
            csv.WriteField(r.BytesIn?.ToString(Invariant) ?? "");
            csv.WriteField(r.BytesOut?.ToString(Invariant) ?? "");
            csv.WriteField(Number(r.DecodeMs, "0.###"));
            csv.WriteField(Number(r.DetectMs, "0.###"));
            csv.WriteField(Number(r.MaskMs, "0.###"));
            csv.WriteField(Number(r.EncodeMs, "0.###"));
            csv.EndRecord();
        }
    }

    /// <summary>Reads a request log — ours, or the classic script's with only the first five columns.</summary>
    /// <exception cref="InvalidDataException">A required column is missing or a value cannot be read; says which line.</exception>
    public static List<RequestRecord> Read(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { FormatProvider = Invariant, TrimWhitespace = true, TrackLineNumbers = true });
        return Read(csv, path);
    }

    public static List<RequestRecord> ReadText(string text)
    {
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { FormatProvider = Invariant, TrimWhitespace = true, TrackLineNumbers = true });
        return Read(csv, "text");
    }

    private static List<RequestRecord> Read(CsvReader csv, string source)
    {
        var records = new List<RequestRecord>();
        Columns? columns = null;
        DateTime? first = null;
        while (csv.Read())
        {
            columns ??= Columns.Find(csv, source);
            try
            {
                var timestamp = DateTime.ParseExact(csv.GetString(columns.Timestamp), [TimestampFormat, "yyyy-MM-dd HH:mm:ss.FFFFFFF", "O"], Invariant, DateTimeStyles.None);
                first ??= timestamp;
                string latency = csv.GetString(columns.Latency);
                records.Add(new RequestRecord(
                    timestamp,
                    int.Parse(csv.GetSpan(columns.RequestId), Invariant),
                    latency.Equals(FailedLatency, StringComparison.OrdinalIgnoreCase) || latency.Length == 0 ? null : double.Parse(latency, Invariant),
                    OptionalDouble(csv, columns.Cpu),
                    OptionalDouble(csv, columns.Memory),
                    OptionalDouble(csv, columns.Elapsed) ?? (timestamp - first.Value).TotalSeconds,
                    columns.Phase >= 0 && csv.GetString(columns.Phase) == "warmup",
                    OptionalString(csv, columns.Image),
                    (int?)OptionalDouble(csv, columns.Status),
                    OptionalString(csv, columns.Error),
                    (int?)OptionalDouble(csv, columns.Faces),
                    (long?)OptionalDouble(csv, columns.BytesIn),
                    (long?)OptionalDouble(csv, columns.BytesOut),
                    OptionalDouble(csv, columns.Decode),
                    OptionalDouble(csv, columns.Detect),
                    OptionalDouble(csv, columns.Mask),
                    OptionalDouble(csv, columns.Encode)));
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"{source}, line {csv.LineNumber}: {e.Message}", e);
            }
        }
        return records;
    }

    private static string Number(double? value, string format) => value is { } v && double.IsFinite(v) ? v.ToString(format, Invariant) : "";

    private static double? OptionalDouble(CsvReader csv, int index)
    {
        if (index < 0) return null;
        var span = csv.GetSpan(index);
        return span.IsEmpty || !double.TryParse(span, NumberStyles.Float, Invariant, out double value) ? null : value;
    }

    private static string? OptionalString(CsvReader csv, int index) =>
        index < 0 ? null : csv.GetString(index) is { Length: > 0 } s ? s : null;

    /// <summary>Where each known column is in this file; -1 when it is absent.</summary>
    private sealed record Columns(int Timestamp, int RequestId, int Latency, int Cpu, int Memory, int Elapsed, int Phase, int Image,
        int Status, int Error, int Faces, int BytesIn, int BytesOut, int Decode, int Detect, int Mask, int Encode)
    {
        public static Columns Find(CsvReader csv, string source)
        {
            int Required(string name) => csv.TryGetFieldIndex(name, out int i) ? i
                : throw new InvalidDataException($"{source} has no '{name}' column; a request log starts with {string.Join(",", ClassicColumns)}.");
            int Optional(string name) => csv.TryGetFieldIndex(name, out int i) ? i : -1;
            return new Columns(Required("Timestamp"), Required("Request_ID"), Required("Latency_ms"), Optional("CPU_Percent"), Optional("Memory_MB"),
                Optional("Elapsed_s"), Optional("Phase"), Optional("Image"), Optional("Status"), Optional("Error"), Optional("Faces"),
                Optional("Bytes_In"), Optional("Bytes_Out"), Optional("Decode_ms"), Optional("Detect_ms"), Optional("Mask_ms") is >= 0 and int mask ? mask : Optional("Blur_ms"), Optional("Encode_ms"));
        }
    }
}
