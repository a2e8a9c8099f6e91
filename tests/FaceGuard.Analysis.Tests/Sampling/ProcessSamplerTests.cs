using System.Diagnostics;
using FaceGuard.Analysis.Sampling;

namespace FaceGuard.Analysis.Tests.Sampling;

/// <summary>Runs alone: it reads CPU shares, which other tests' work on a two-core machine would distort.</summary>
[CollectionDefinition(nameof(ProcessSamplerTests), DisableParallelization = true)]
public class ProcessSamplerCollection;

[Collection(nameof(ProcessSamplerTests))]
public class ProcessSamplerTests
{
    [Fact]
    public async Task A_busy_child_reads_high_cpu_and_an_idle_one_low()
    {
        using var busy = Start("sh", "-c \"while :; do :; done\"");
        using var idle = Start("sleep", "60");
        try
        {
            double busyCpu = await MeanCpuAsync(busy.Id);
            double idleCpu = await MeanCpuAsync(idle.Id);

            // A spinning shell takes a whole core when it has one; other test assemblies may be running beside it.
            Assert.True(busyCpu > 10, $"busy child: {busyCpu:0} % of a core");
            Assert.True(idleCpu < 5, $"idle child: {idleCpu:0} % of a core");
            Assert.True(busyCpu > 10 * Math.Max(idleCpu, 0.5), $"busy {busyCpu:0} % vs idle {idleCpu:0} %");
        }
        finally
        {
            busy.Kill();
            idle.Kill();
        }
    }

    [Fact]
    public async Task Memory_and_threads_of_the_watched_process_are_read()
    {
        await using var sampler = ProcessSampler.Start(Environment.ProcessId, TimeSpan.FromMilliseconds(50), Stopwatch.GetTimestamp(), DateTime.Now);
        var samples = await CollectAsync(sampler, 3);

        double rssMb = Environment.WorkingSet / (1024.0 * 1024);
        Assert.All(samples, s => Assert.InRange(s.MemoryMb, rssMb * 0.5, rssMb * 2));
        Assert.All(samples, s => Assert.True(s.Threads > 1));
        Assert.Equal(samples.OrderBy(s => s.ElapsedS).Select(s => s.ElapsedS), samples.Select(s => s.ElapsedS));
    }

    [Fact]
    public void Watching_a_process_that_does_not_exist_is_refused_plainly()
    {
        var error = Assert.Throws<ArgumentException>(() => ProcessSampler.Start(int.MaxValue - 1, TimeSpan.FromSeconds(1), Stopwatch.GetTimestamp(), DateTime.Now));
        Assert.Contains("no process", error.Message);
    }

    [Fact]
    public void A_remote_url_is_not_mistaken_for_a_local_process()
    {
        var (pid, reason) = ListeningProcess.Find(new Uri("http://192.0.2.10:8080"));
        Assert.Null(pid);
        Assert.Contains("not this machine", reason);
    }

    private static async Task<double> MeanCpuAsync(int pid)
    {
        await using var sampler = ProcessSampler.Start(pid, TimeSpan.FromMilliseconds(200), Stopwatch.GetTimestamp(), DateTime.Now);
        var samples = await CollectAsync(sampler, 5);
        return samples.Average(s => s.CpuPercent);
    }

    /// <summary>Waits (bounded) until the sampler has taken <paramref name="count"/> samples, then stops it.</summary>
    private static async Task<IReadOnlyList<ResourceSample>> CollectAsync(ProcessSampler sampler, int count)
    {
        for (int i = 0; i < 500 && sampler.SampleCount < count; i++) await Task.Delay(20);
        var samples = await sampler.StopAsync();
        Assert.True(samples.Count >= count, $"only {samples.Count} samples");
        return samples;
    }

    private static Process Start(string file, string arguments) =>
        Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false }) ?? throw new InvalidOperationException(file);
}
