using System.Diagnostics;
using FaceGuard.Reliability.Tests.Infrastructure;
using static FaceGuard.Reliability.Tests.Infrastructure.ReliabilityReport;

namespace FaceGuard.Reliability.Tests;

/// <summary>
/// Every sample photo through the service one at a time, then all of them several times at once in a shuffled order:
/// each parallel answer is byte for byte the sequential one. Shared models, pooled buffers and the detection threads
/// must not leak one request's pixels into another's.
/// </summary>
public class ConcurrencyTests
{
    /// <summary>More slots than cores, so that requests really overlap; a queue long enough that none is refused.</summary>
    public const int Slots = 4;
    public const int Copies = 3;
    public const int ShuffleSeed = 20_240_607;

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    /// <summary>The output variants: JPEG and PNG encoders, blur and the other masks, one photo each in turn.</summary>
    private static readonly string[] Queries =
    [
        "sensitivity=normal",
        "sensitivity=normal&format=png&mode=mosaic",
        "sensitivity=normal&mode=solid&box=true",
        "sensitivity=normal&ellipse=true&maskScale=1.5",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Photos_processed_in_parallel_are_byte_identical_to_sequential_processing(int detectionThreads)
    {
        var clock = Stopwatch.StartNew();
        using var within = new CancellationTokenSource(Bound);
        await using var service = await InProcessService.StartReadyAsync(
            ("FaceGuard:MaxConcurrency", $"{Slots}"), ("FaceGuard:QueueLimit", "1000"), ("FaceGuard:DetectionThreads", $"{detectionThreads}"));
        var photos = Directory.EnumerateFiles(Path.GetDirectoryName(Repo.Photo("x"))!)
            .Where(f => f.EndsWith(".jpg", StringComparison.Ordinal) || f.EndsWith(".png", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select((path, i) => (Name: Path.GetFileName(path), Bytes: File.ReadAllBytes(path), Query: Queries[i % Queries.Length]))
            .ToList();

        var sequential = new Dictionary<string, byte[]>();
        foreach (var photo in photos)
            sequential[photo.Name] = await ProcessAsync(service.Client, photo.Name, photo.Bytes, photo.Query, within.Token);

        var order = Enumerable.Range(0, Copies).SelectMany(_ => photos).ToArray();
        new Random(ShuffleSeed).Shuffle(order);
        var parallel = await Task.WhenAll(order.Select(async photo =>
            (photo.Name, Output: await ProcessAsync(service.Client, photo.Name, photo.Bytes, photo.Query, within.Token))));

        var different = parallel.Where(p => !p.Output.AsSpan().SequenceEqual(sequential[p.Name])).Select(p => p.Name).Distinct().ToList();
        Record(new TestFigures(
            Invariant($"Concurrency ({detectionThreads} detection thread{(detectionThreads == 1 ? "" : "s")})"),
            Invariant($"{photos.Count} photos one by one, then {parallel.Length} at once ({Copies} copies each, shuffled) on {Slots} slots"),
            Served: photos.Count + parallel.Length,
            FaultsSurvived: 0,
            BadInputs: 0,
            Failures: different.Count,
            DurationS: clock.Elapsed.TotalSeconds,
            [new("byte-identical to sequential", Invariant($"{parallel.Length - parallel.Count(p => different.Contains(p.Name))} of {parallel.Length} answers"))]));

        Assert.True(different.Count == 0, $"Parallel results differ from sequential ones for: {string.Join(", ", different)}.");
    }

    private static async Task<byte[]> ProcessAsync(HttpClient client, string name, byte[] photo, string query, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsync("/process?" + query, Uploads.Form(photo, name), cancellationToken);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{name} ({query}): {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        return body;
    }
}
