using System.Diagnostics;
using System.Globalization;
using FaceGuard.Analysis;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Reports;
using FaceGuard.Analysis.Statistics;
using FaceGuard.Engine;

namespace FaceGuard.Benchmarks;

/// <summary>
/// A large request log against pandas, in the same run: loading it into a DataFrame and describing the latencies,
/// then the whole report (load, analyse, render, write), beside pandas' read_csv + describe on the same file (Debian's
/// python3-pandas). Each side is timed three times in turn and the median kept. The figures are checked against
/// pandas' and the report's size printed.
/// </summary>
internal static class CsvBenchmark
{
    private const int Rounds = 3;

    private const string PandasScript = """
        import sys, time, json
        import pandas as pd
        t = time.perf_counter()
        df = pd.read_csv(sys.argv[1], na_values=["Failed"])
        measured = df[df["Phase"] != "warmup"]
        d = measured["Latency_ms"].describe(percentiles=[.25, .5, .75, .95, .99])
        elapsed = time.perf_counter() - t
        print(json.dumps({"seconds": elapsed, "count": d["count"], "mean": d["mean"], "std": d["std"], "min": d["min"], "p25": d["25%"],
                          "p50": d["50%"], "p75": d["75%"], "p95": d["95%"], "p99": d["99%"], "max": d["max"],
                          "failed": int(measured["Latency_ms"].isna().sum())}))
        """;

    public static void Run(int rows)
    {
        string folder = Directory.CreateTempSubdirectory("faceguard-csv-").FullName;
        string path = Path.Combine(folder, "large.csv");
        try
        {
            var watch = Stopwatch.StartNew();
            RunFiles.Save(new RunLog(Generate(rows), []), path);
            Console.WriteLine($"{rows:N0} rows ({new FileInfo(path).Length / 1e6:0} MB) generated and written in {watch.Elapsed.TotalSeconds:0.00} s");
            long before = GC.GetTotalMemory(forceFullCollection: true);
            var held = RequestLogCsv.Read(path);
            long heldBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
            GC.KeepAlive(held);
            held = null;

            var pandas = new List<(double Seconds, Dictionary<string, double> Figures)>();
            var load = new List<(double Seconds, Distribution Latency, int Failed)>();
            var report = new List<double>();
            string html = Path.Combine(folder, "large.html");
            for (int round = 0; round < Rounds; round++)
            {
                pandas.Add(Pandas(path));
                load.Add(LoadAndDescribe(path));
                report.Add(Report(path, html));
            }

            double pandasS = Median(pandas.Select(p => p.Seconds)), loadS = Median(load.Select(l => l.Seconds)), reportS = Median(report);
            Console.WriteLine($"pandas read_csv + describe:        {pandasS,6:0.00} s");
            Console.WriteLine($"FaceGuard load + describe:         {loadS,6:0.00} s   ({loadS / pandasS:0.00}× pandas; target ≤ 1.0)");
            Console.WriteLine($"FaceGuard report (load → HTML):    {reportS,6:0.00} s   ({reportS / pandasS:0.00}× pandas; target ≤ 2.0)");
            Console.WriteLine($"report size: {new FileInfo(html).Length / 1e6:0.0} MB (target ≤ 10)");
            Console.WriteLine($"managed heap held by the loaded DataFrame: {heldBytes / 1e6:0} MB (target: well under 500)");
            Compare(pandas[^1].Figures, load[^1].Latency, load[^1].Failed);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A week of a busy service compressed: latencies around 250 ms with slow spells and a failure every 500 requests.</summary>
    private static List<RequestRecord> Generate(int rows)
    {
        var random = new Random(1);
        var start = new DateTime(2026, 1, 1);
        string[] images = ["sample1.jpg", "sample2.jpg", "group-1080p.jpg", "astronaut.png"];
        return Enumerable.Range(1, rows).Select(i =>
        {
            bool failed = i % 500 == 0;
            double slow = i % 10_000 < 300 ? 3 : 1;
            double latency = (200 + random.NextDouble() * 100) * slow;
            return new RequestRecord(
                start.AddSeconds(i * 0.1), i, failed ? null : Math.Round(latency, 3), Math.Round(40 + random.NextDouble() * 20, 1), Math.Round(150 + i * 1e-5, 2),
                i * 0.1, i <= 20, images[i % images.Length], failed ? 503 : 200, failed ? "HTTP 503: The service is busy" : null, failed ? null : 3,
                200_000, failed ? 0 : 150_000, failed ? null : new StageTimings(10, Math.Round(latency * 0.6, 3), 2, 9));
        }).ToList();
    }

    private static (double, Dictionary<string, double>) Pandas(string path)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", PandasScript, path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var python = Process.Start(start)!;
        string output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        if (python.ExitCode != 0) throw new InvalidOperationException("pandas failed (is python3-pandas installed?): " + python.StandardError.ReadToEnd());
        var figures = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, double>>(output)!;
        return (figures["seconds"], figures);
    }

    private static (double, Distribution, int) LoadAndDescribe(string path)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var requests = RequestLogCsv.Read(path);
        // As a pandas user would: the measured rows' latency column, described.
        var phase = requests[RequestLogColumns.Phase];
        var measured = new Microsoft.Data.Analysis.DataFrame(requests[RequestLogColumns.LatencyMs], phase)
            .Filter(phase.ElementwiseNotEquals(RequestLogColumns.WarmupPhase))[RequestLogColumns.LatencyMs];
        var latency = Distribution.Describe(measured);
        return (watch.Elapsed.TotalSeconds, latency, (int)measured.NullCount);
    }

    private static double Report(string path, string html)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var run = RunFiles.Load(path);
        HtmlReport.Save(html, RunAnalysis.Of(run), run);
        return watch.Elapsed.TotalSeconds;
    }

    private static void Compare(Dictionary<string, double> pandas, Distribution ours, int failed)
    {
        var pairs = new (string Name, double Pandas, double Ours)[]
        {
            ("count", pandas["count"], ours.Count), ("mean", pandas["mean"], ours.Mean), ("std", pandas["std"], ours.StdDev),
            ("min", pandas["min"], ours.Min), ("25%", pandas["p25"], ours.P25), ("50%", pandas["p50"], ours.Median), ("75%", pandas["p75"], ours.P75),
            ("95%", pandas["p95"], ours.P95), ("99%", pandas["p99"], ours.P99), ("max", pandas["max"], ours.Max), ("failed", pandas["failed"], failed),
        };
        Console.WriteLine($"{"figure",-8} {"pandas",14} {"FaceGuard",14}");
        foreach (var (name, p, o) in pairs)
            Console.WriteLine($"{name,-8} {p.ToString("0.######", CultureInfo.InvariantCulture),14} {o.ToString("0.######", CultureInfo.InvariantCulture),14}{(Math.Abs(p - o) <= 1e-6 * Math.Max(1, Math.Abs(p)) ? "" : "   DIFFERENT")}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
