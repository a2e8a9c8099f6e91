using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Logs;
using FaceGuard.Analysis.Sampling;
using FaceGuard.Analysis.Tests.Reports;
using FaceGuard.Engine;
using Microsoft.Data.Analysis;

namespace FaceGuard.Analysis.Tests.Logs;

public class RequestLogCsvTests
{
    private static readonly DateTime Start = new(2026, 11, 27, 9, 30, 0);

    private static RequestRecord Row(int id, double? latency, bool warmup = false) => new(
        Start.AddSeconds(id), id, latency, 12.5 + id, 150.25, id * 1.0, warmup, $"photo{id}.jpg",
        latency is null ? 503 : 200, latency is null ? "HTTP 503: busy, really" : null, latency is null ? null : 3, 1000 + id, latency is null ? 0 : 2000,
        new StageTimings(1.5, 40.25, 2.125, 8.0), id == 2 ? "worker-2" : null);

    private static DataFrame Frame(params RequestRecord[] rows) => RequestFrame.From(rows);

    [Fact]
    public void Writes_the_classic_columns_first_in_their_exact_format()
    {
        var writer = new StringWriter();
        RequestLogCsv.Write(writer, Frame(Row(1, 123.4567), Row(2, null)));
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

            Assert.Equal(rows, back.Rows());
            Assert.Equal(RequestLogColumns.All.Append(RequestLogColumns.Failed), back.Requests.Columns.Select(c => c.Name));
            var resources = back.Resources;
            Assert.Equal(1, resources.Rows.Count);
            Assert.Equal(42, Convert.ToInt32(resources[ResourceLogColumns.ProcessId][0]));
            Assert.Equal(87.5, Convert.ToDouble(resources[ResourceLogColumns.CpuPercent][0]));
            Assert.Equal(151.5, Convert.ToDouble(resources[ResourceLogColumns.MemoryMb][0]));
            Assert.Equal(12, Convert.ToInt32(resources[ResourceLogColumns.Threads][0]));
            Assert.Equal([250.5], back.LatenciesMs());
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
        var frame = RequestLogCsv.ReadText(classic);
        var rows = RequestFrame.ToRecords(frame);

        Assert.Equal(4, rows.Count);
        Assert.True(rows[2].Failed);
        Assert.Equal([312.45, 298.10, 405.00], rows.Where(r => !r.Failed).Select(r => r.LatencyMs!.Value));
        Assert.Equal(3.0, rows[2].ElapsedS); // derived from the timestamps when the log has no Elapsed_s
        Assert.All(rows, r => Assert.False(r.Warmup));

        Assert.Equal(4, frame.Rows.Count);
        // The same columns as any other log, so one notebook cell works on both: the absent ones empty, every row measured.
        Assert.Equal(RequestLogColumns.All.Append(RequestLogColumns.Failed), frame.Columns.Select(c => c.Name));
        Assert.Equal(4, frame[RequestLogColumns.Image].NullCount);
        Assert.All(frame[RequestLogColumns.Phase].Cast<string>(), phase => Assert.Equal(RequestLogColumns.MeasuredPhase, phase));
        Assert.Equal(1, frame.Columns["Failed"].ElementwiseEquals(true).Cast<bool>().Count(b => b));
        Assert.Null(frame.Columns["Latency_ms"][2]);
        Assert.Equal(41.7, (double)frame.Columns["CPU_Percent"][3]!);
    }

    [Fact]
    public void A_log_from_before_the_mask_stage_was_renamed_reads_its_Blur_ms_as_the_mask_stage()
    {
        const string older = """
            Timestamp,Request_ID,Latency_ms,CPU_Percent,Memory_MB,Elapsed_s,Phase,Decode_ms,Detect_ms,Blur_ms,Encode_ms
            2026-05-01 10:00:00,1,80.5,35.2,180.1,0,measured,5,50,7.25,9
            """;

        var row = Assert.Single(RequestFrame.ToRecords(RequestLogCsv.ReadText(older)));

        Assert.Equal(new StageTimings(5, 50, 7.25, 9), row.Stages);
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
