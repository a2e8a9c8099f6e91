using System.Diagnostics;
using FaceGuard.Engine;
using FaceGuard.Engine.Detection;
using OpenCvSharp;

namespace FaceGuard.Benchmarks;

/// <summary>
/// Where the milliseconds of one photo go — decode, detect, blur, encode — for a 1080p and a 12-megapixel JPEG,
/// per sensitivity, on one thread and on all cores. Uses the engine's own stage timings (the ones the service and the load
/// tests report), median and worst over the iterations after a warm-up. First a yardstick: the speed of this machine
/// drifts by half over minutes on a shared VM, so one YuNet tile's time is printed for comparing runs.
/// </summary>
internal static class StageBenchmark
{
    public static void Run(int iterations)
    {
        Console.WriteLine($"{iterations} iterations after 2 warm-up runs, {Environment.ProcessorCount} cores, {Environment.OSVersion}");
        Console.WriteLine($"Yardstick: one YuNet tile of 736x608 on one thread, median of 20: {YardstickMs():0.0} ms");
        Console.WriteLine($"{"photo",-12} {"sensitivity",-11} {"threads",7} {"faces",5} {"decode",8} {"detect",8} {"mask",8} {"encode",8} {"total",8} {"worst",8}  (median ms)");

        var photos = Photos().ToList();
        foreach (int threads in new[] { 1, Environment.ProcessorCount }.Distinct())
        foreach (var (name, jpeg) in photos)
        foreach (var sensitivity in Enum.GetValues<Sensitivity>())
        {
            var engine = new FaceAnonymizer(new EngineOptions { DetectionThreads = threads });
            var options = AnonymizeOptions.Default with { Detection = DetectionOptions.Default with { Sensitivity = sensitivity } };
            for (int i = 0; i < 2; i++) engine.Anonymize(jpeg, options);
            var runs = Enumerable.Range(0, iterations).Select(_ => engine.Anonymize(jpeg, options)).ToList();
            var t = runs.Select(r => r.Timings).ToList();
            Console.WriteLine($"{name,-12} {sensitivity,-11} {threads,7} {runs[0].Faces.Count,5} {Median(t, x => x.DecodeMs),8:0.0} {Median(t, x => x.DetectMs),8:0.0} " +
                              $"{Median(t, x => x.MaskMs),8:0.0} {Median(t, x => x.EncodeMs),8:0.0} {Median(t, x => x.TotalMs),8:0.0} {t.Max(x => x.TotalMs),8:0.0}");
        }
    }

    private static double YardstickMs()
    {
        using var tile = new Mat(608, 736, MatType.CV_8UC3);
        Cv2.Randu(tile, Scalar.All(0), Scalar.All(255));
        var model = ModelRegistry.Shared.YuNet(1);
        var found = new List<Candidate>();
        var times = new List<double>();
        for (int i = 0; i < 23; i++)
        {
            long start = Stopwatch.GetTimestamp();
            model.Detect(tile, 1f, 0.35f, 0, 0, found);
            if (i >= 3) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>The 1920x1080 group photo with 14 faces (data/images/benchmark) and a 4000x3000 JPEG (quality 90) made
    /// from the group photo sample1.jpg: a phone camera's size.</summary>
    private static IEnumerable<(string Name, byte[] Jpeg)> Photos()
    {
        yield return ("1920x1080", File.ReadAllBytes(FaceGuard.Analysis.DataFolder.Resolve("images/benchmark/synth_001.jpg")));
        using var photo = Cv2.ImRead(FaceGuard.Analysis.DataFolder.Resolve("images/photos/sample1.jpg"));
        using var resized = photo.Resize(new Size(4000, 3000), 0, 0, InterpolationFlags.Cubic);
        Cv2.ImEncode(".jpg", resized, out var jpeg, [(int)ImwriteFlags.JpegQuality, 90]);
        yield return ("4000x3000", jpeg);
    }

    private static double Median(List<StageTimings> timings, Func<StageTimings, double> stage)
    {
        var sorted = timings.Select(stage).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
