using Plotly.NET;

namespace FaceGuard.Analysis.Charts;

/// <summary>Box plots of the time each processing stage (decode, detect, mask, encode) took in the measured
/// successful requests, drawn from the analysis's quartiles (any number of requests, the same few bytes): the box runs
/// from p25 to p75 with the median and mean marked, the whiskers from the fastest to the slowest. Stages the log does
/// not report are left out; a log without any gives an empty chart.</summary>
public static class StageBreakdownChart
{
    public const string Title = "Time per processing stage (whiskers: fastest to slowest)";

    public static GenericChart Create(RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var stages = analysis.Stages;
        var box = new Trace2D("box");
        box.SetProperty("name", "Stages");
        box.SetProperty("x", stages.Select(s => s.Name).ToArray());
        box.SetProperty("q1", stages.Select(s => s.DurationMs.P25).ToArray());
        box.SetProperty("median", stages.Select(s => s.DurationMs.Median).ToArray());
        box.SetProperty("q3", stages.Select(s => s.DurationMs.P75).ToArray());
        box.SetProperty("lowerfence", stages.Select(s => s.DurationMs.Min).ToArray());
        box.SetProperty("upperfence", stages.Select(s => s.DurationMs.Max).ToArray());
        box.SetProperty("mean", stages.Select(s => s.DurationMs.Mean).ToArray());
        box.SetProperty("boxmean", true);
        box.SetProperty("marker", new Dictionary<string, object> { ["color"] = "#2563eb" }); // ChartStyle.LatencyColor
        box.SetProperty("showlegend", false);
        return ChartStyle.Finish(GenericChart.ofTraceObject(false, box), Title, "Stage", "Duration (ms)", showLegend: false);
    }
}
