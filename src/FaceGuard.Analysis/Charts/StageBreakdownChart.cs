using FaceGuard.Analysis.Logs;
using Plotly.NET;
using CsChart = Plotly.NET.CSharp.Chart;

namespace FaceGuard.Analysis.Charts;

/// <summary>Box plots of the time each processing stage (decode, detect, blur, encode) took in the measured
/// successful requests; stages the log does not report are left out, and a log without any gives an empty chart.</summary>
public static class StageBreakdownChart
{
    public const string Title = "Time per processing stage";

    public static GenericChart Create(RunLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var succeeded = log.Measured.Where(r => !r.Failed).ToList();
        var boxes = RunAnalysis.StageNames
            .Select(stage => (Stage: stage, Values: succeeded.Select(r => RunAnalysis.StageMs(r, stage)).OfType<double>().ToArray()))
            .Where(s => s.Values.Length > 0)
            .Select(s => CsChart.BoxPlot<string, double, string>(
                Y: s.Values, Name: s.Stage, ShowLegend: false, BoxMean: StyleParam.BoxMean.True, MarkerColor: ChartStyle.LatencyColor, UseDefaults: false))
            .ToList();
        return ChartStyle.Finish(CsChart.Combine(boxes), Title, "Stage", "Duration (ms)", showLegend: false);
    }
}
