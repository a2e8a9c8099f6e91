using System.Collections.Concurrent;
using System.Diagnostics;
using FaceGuard.Analysis.Sampling;
using FaceGuard.Reliability.Tests.Corpus;
using FaceGuard.Reliability.Tests.Infrastructure;
using static FaceGuard.Reliability.Tests.Infrastructure.ReliabilityReport;

namespace FaceGuard.Reliability.Tests;

/// <summary>
/// Mutated real photos (<see cref="Mutator"/>) through the whole service in its own process: each gets a photo back or a
/// 4xx problem, never a 500, a hang or a crash. CI runs <see cref="DefaultIterations"/>; FACEGUARD_FUZZ_ITERATIONS and
/// FACEGUARD_FUZZ_SEED run it longer or elsewhere. Failing inputs are saved under artifacts/reliability/fuzz/.
/// </summary>
public class FuzzTests
{
    public const int DefaultIterations = 1_000;
    public const int DefaultSeed = 1_807;
    public const int Workers = 2;

    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Mutated_photos_get_a_photo_or_a_4xx_never_a_500_hang_or_crash()
    {
        int iterations = Settings.Integer(Settings.FuzzIterationsVariable, DefaultIterations, minimum: 1);
        int seed = Settings.Integer(Settings.FuzzSeedVariable, DefaultSeed, minimum: 0);
        // About 25 ms a mutant on two cores; the bound scales with the run so that a long run on demand is not cut short.
        var bound = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(iterations * 0.25);
        var clock = Stopwatch.StartNew();
        using var within = new CancellationTokenSource(bound);
        var mutator = new Mutator(SeedPhotos.All, seed);
        await using var service = await ServiceProcess.StartAsync(within.Token);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = service.Address, Timeout = HangAfter };
        double serverErrorsBefore = await AfterCheck.ServerErrorsAsync(service, within.Token);
        await using var sampler = ProcessSampler.Start(service.Pid, TimeSpan.FromMilliseconds(250), Stopwatch.GetTimestamp(), DateTime.Now);

        var answers = new ConcurrentDictionary<int, Exchange>();
        var failures = new ConcurrentBag<(Mutant Mutant, string Problem)>();
        int sent = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, iterations), new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = within.Token },
            async (i, token) =>
            {
                if (service.HasExited) return; // a crash is reported below, once
                var mutant = mutator.Mutate(i);
                Interlocked.Increment(ref sent);
                var answer = await Exchange.SendAsync(client, HttpMethod.Post, "/process?sensitivity=normal", Uploads.Form(mutant.Bytes, mutant.FileName), token);
                answers[i] = answer;
                if (answer.Problem(Expect.RefusedOrDecoded, exactStatus: null) is { } problem) failures.Add((mutant, problem));
            });

        var samples = await sampler.StopAsync();
        var after = await AfterCheck.ProblemsAsync(service, serverErrorsBefore, within.Token);
        string findings = Path.Combine(Repo.Root, "artifacts", "reliability", "fuzz", "findings.txt");
        foreach (var (mutant, problem) in failures.OrderBy(f => f.Mutant.Iteration))
        {
            File.WriteAllBytes(Repo.Artifacts("reliability", "fuzz", $"seed{seed}-iteration{mutant.Iteration}-{mutant.FileName}"), mutant.Bytes);
            File.AppendAllText(findings, Invariant($"seed {seed}, {mutant}: {problem}\n"));
        }
        int decoded = answers.Values.Count(a => a.Decoded);
        Record(new TestFigures(
            "Fuzzing",
            Invariant($"{sent:#,0} mutated photos (seed {seed}, {SeedPhotos.All.Count} seed photos in JPEG, progressive JPEG, PNG, WebP) on /process"),
            Served: decoded,
            FaultsSurvived: sent - failures.Count,
            BadInputs: sent,
            Failures: failures.Count + after.Count + (sent < iterations ? 1 : 0),
            DurationS: clock.Elapsed.TotalSeconds,
            [
                new("answers", string.Join(", ", answers.Values.GroupBy(a => a.Status?.ToString() ?? "none").OrderBy(g => g.Key).Select(g => Invariant($"{g.Key} × {g.Count()}")))),
                new("distinct problem titles", string.Join("; ", answers.Values.Where(a => a.Title is not null).Select(a => a.Title).Distinct().Order())),
                new("rate", Invariant($"{sent / clock.Elapsed.TotalSeconds:0} mutants/s; slowest answer {answers.Values.Select(a => a.LatencyMs).DefaultIfEmpty(0).Max():0} ms")),
                new("resident memory of the service", Invariant($"peak {samples.Select(s => s.MemoryMb).DefaultIfEmpty(double.NaN).Max():0} MB")),
                new("service afterwards", after.Count == 0 ? "alive, healthy, serving, no error logged" : string.Join("; ", after)),
                new("longer run", $"{Settings.FuzzIterationsVariable}=20000 scripts/reliability.sh (and {Settings.FuzzSeedVariable} for another seed)"),
            ]));

        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} mutants were mishandled (inputs saved beside {findings}):\n" +
            string.Join("\n", failures.OrderBy(f => f.Mutant.Iteration).Take(20).Select(f => $"  {f.Mutant}: {f.Problem}")));
        Assert.True(after.Count == 0, "After fuzzing: " + string.Join("\n", after));
        Assert.Equal(iterations, sent);
    }
}
