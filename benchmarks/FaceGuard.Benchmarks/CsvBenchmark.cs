using System.Diagnostics;
using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Logs;

namespace FaceGuard.Benchmarks;

/// <summary>Writing and loading a large request log: reading a million rows into a DataFrame should take seconds.</summary>
internal static class CsvBenchmark
{
    public static void Run(int rows)
    {
        var random = new Random(1);
        var start = new DateTime(2026, 1, 1);
        var records = Enumerable.Range(1, rows).Select(i => new RequestRecord(
            start.AddSeconds(i * 0.1), i, i % 500 == 0 ? null : 200 + random.NextDouble() * 100, random.NextDouble() * 100, 150 + random.NextDouble(),
            i * 0.1, false, "sample1.jpg", 200, null, 3, 200_000, 150_000, 10, 180, 2, 9)).ToList();
        string path = Path.Combine(Path.GetTempPath(), $"faceguard-bench-{Environment.ProcessId}.csv");
        try
        {
            var watch = Stopwatch.StartNew();
            RequestLogCsv.Write(path, records);
            Console.WriteLine($"write {rows:N0} rows: {watch.Elapsed.TotalSeconds:0.00} s ({new FileInfo(path).Length / 1e6:0} MB)");
            watch.Restart();
            var read = RequestLogCsv.Read(path);
            Console.WriteLine($"read:  {watch.Elapsed.TotalSeconds:0.00} s");
            watch.Restart();
            var frame = RunFrames.Requests(read);
            Console.WriteLine($"DataFrame: {watch.Elapsed.TotalSeconds:0.00} s ({frame.Rows.Count:N0} rows, {frame.Columns.Count} columns)");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
