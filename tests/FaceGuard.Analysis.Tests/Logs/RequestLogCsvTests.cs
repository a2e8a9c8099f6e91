using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Sampling;

namespace FaceGuard.Analysis.Tests.Logs;

public class RequestLogCsvTests
{
    private static readonly DateTime Start = new(2026, 11, 27, 9, 30, 0);

    private static RequestRecord Row(int id, double? latency, bool warmup = false) => new(
        Start.AddSeconds(id), id, latency, 12.5 + id, 150.25, id * 1.0, warmup, $"photo{id}.jpg",
        latency is null ? 503 : 200, latency is null ? "HTTP 503: busy, really" : null, latency is null ? null : 3, 1000 + id, latency is null ? 0 : 2000,
        1.5, 40.25, 2.125, 8.0);

    [Fact]
    public void Writes_the_classic_columns_first_in_their_exact_format()
    {
        var writer = new StringWriter();
        RequestLogCsv.Write(writer, [Row(1, 123.4567), Row(2, null)]);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("Timestamp,Request_ID,Latency_ms,CPU_Percent,Memory_MB,", lines[0]);
        Assert.StartsWith("2026-11-27 09:30:01,1,123.457,13.5,150.25,", lines[1]);
        Assert.StartsWith("2026-11-27 09:30:02,2,Failed,14.5,150.25,", lines[2]);
        Assert.Contains("\"HTTP 503: busy, really\"", lines[2]); // a comma inside a field is quoted, not a new column
    }

    [Fact]
    public void Logs_written_are_read_back_unchanged()
    {
        var rows = new[] { Row(1, 100, warmup: true), Row(2, 250.5), Row(3, null) };
        string path = Path.Combine(Path.GetTempPath(), $"faceguard-{Guid.NewGuid():N}.csv");
        try
        {
            var samples = new List<ResourceSample> { new(Start.AddMilliseconds(500), 0.5, 42, 87.5, 151.5, 12) };
            RunFiles.Save(new RunLog(rows, samples), path);
            var back = RunFiles.Load(path);

            Assert.Equal(rows, back.Requests);
            var sample = Assert.Single(back.Resources);
            Assert.Equal((42, 87.5, 151.5, 12), (sample.ProcessId, sample.CpuPercent, sample.MemoryMb, sample.Threads));
            Assert.Equal([250.5], back.LatenciesMs);
        }
        finally
        {
            File.Delete(path);
            File.Delete(RunFiles.ResourcesPath(path));
        }
    }

    [Fact]
    public void The_classic_scripts_log_loads_with_its_failures_counted()
    {
        // Written by hand in the format of the users' monitoring script (pandas-readable), including a failed request.
        const string classic = """
            Timestamp,Request_ID,Latency_ms,CPU_Percent,Memory_MB
            2024-05-01 10:00:00,1,312.45,35.2,180.1
            2024-05-01 10:00:01,2,298.10,33.9,180.3
            2024-05-01 10:00:03,3,Failed,12.0,180.3
            2024-05-01 10:00:04,4,405.00,41.7,181.0
            """;
        var rows = RequestLogCsv.ReadText(classic);

        Assert.Equal(4, rows.Count);
        Assert.True(rows[2].Failed);
        Assert.Equal([312.45, 298.10, 405.00], rows.Where(r => !r.Failed).Select(r => r.LatencyMs!.Value));
        Assert.Equal(3.0, rows[2].ElapsedS); // derived from the timestamps when the log has no Elapsed_s
        Assert.All(rows, r => Assert.False(r.Warmup));

        var frame = RunFrames.Requests(rows);
        Assert.Equal(4, frame.Rows.Count);
        Assert.Equal(1, frame.Columns["Failed"].ElementwiseEquals(true).Cast<bool>().Count(b => b));
        Assert.Null(frame.Columns["Latency_ms"][2]);
        Assert.Equal(41.7, (double)frame.Columns["CPU_Percent"][3]!);
    }

    [Fact]
    public void A_log_without_the_classic_columns_is_refused_with_the_missing_column_named()
    {
        var error = Assert.Throws<InvalidDataException>(() => RequestLogCsv.ReadText("time,latency\n2024-05-01 10:00:00,12\n"));
        Assert.Contains("'Timestamp'", error.Message);
    }

    [Fact]
    public void A_bad_value_names_its_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => RequestLogCsv.ReadText(
            "Timestamp,Request_ID,Latency_ms,CPU_Percent,Memory_MB\n2024-05-01 10:00:00,1,12,1,1\n2024-05-01 10:00:01,2,fast,1,1\n"));
        Assert.Contains("line 3", error.Message);
    }
}
