using FaceGuard.Analysis.Logs;

namespace FaceGuard.Analysis.LoadTests;

/// <summary>A Locust-driven run: the run as our own runner would have logged it, and the checks that no request was
/// lost between the workers and the log.</summary>
/// <param name="LocustStatistics">Locust's own totals; null when it wrote none (a killed master).</param>
/// <param name="RowsSentByWorker">What each local worker said it sent (from its output).</param>
/// <param name="RowsReceivedByWorker">What the master wrote to the rows file, by worker.</param>
/// <param name="OutputFolder">Locust's --csv files (…_stats.csv, …_stats_history.csv), the rows and the logs.</param>
public sealed record LocustResult(
    RunLog Run,
    LocustStatistics? LocustStatistics,
    IReadOnlyDictionary<string, int> RowsSentByWorker,
    IReadOnlyDictionary<string, int> RowsReceivedByWorker,
    string OutputFolder)
{
    public int Rows => RowsReceivedByWorker.Values.Sum();

    /// <summary>Rows a worker sent that never reached the log.</summary>
    public int RowsLost => RowsSentByWorker.Sum(w => Math.Max(0, w.Value - RowsReceivedByWorker.GetValueOrDefault(w.Key)));

    /// <summary>The log holds exactly the requests Locust counted, and every row every worker sent.</summary>
    public bool Complete => LocustStatistics is { } stats && stats.Requests == Rows && RowsLost == 0;

    /// <summary>Locust's statistics as a history, for `faceguard report` (per-second, aggregated).</summary>
    public string StatsHistoryPath => Path.Combine(OutputFolder, LocustRun.CsvPrefix + "_stats_history.csv");
}
