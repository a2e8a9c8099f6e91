using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Logs;
using Microsoft.Data.Analysis;
using Plotly.NET;
using static FaceGuard.Analysis.InvariantText;
using CsChart = Plotly.NET.CSharp.Chart;

namespace FaceGuard.Analysis.Charts;

/// <summary>Memory of the service process over the run, with the memory threshold as a dashed line, from the readings
/// the analysis judged (<see cref="RunAnalysis.MemorySource"/>): the resource samples, or for a classic log the
/// Memory_MB of the measured request rows.</summary>
public static class MemoryTrendChart
{
    public const string Title = "Memory of the service process";

    public static GenericChart Create(RunLog log, RunAnalysis analysis) => Create(log.Requests, log.Resources, analysis);

    public static GenericChart Create(DataFrame requests, DataFrame? resources, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(analysis);
        return analysis.MemorySource == MemorySource.RequestRows
            ? Create(RequestView.Of(requests), ResourceView.Of(null), analysis)
            : Create(null, ResourceView.Of(resources), analysis);
    }

    internal static GenericChart Create(RequestView? view, ResourceView samples, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        (double[] X, double[] Y) points = analysis.MemorySource switch
        {
            MemorySource.ResourceSamples => FromSamples(samples),
            MemorySource.RequestRows when view is not null => FromRows(view),
            _ => ([], []),
        };
        var trace = ReducedTrace.Of(points.X, points.Y);
        var threshold = analysis.Thresholds.MemoryMb;
        var (start, end) = trace.X.Length > 0 ? (trace.X[0], trace.X[^1]) : (0.0, 1.0);

        var chart = CsChart.Combine(
        [
            CsChart.Line<double, double, string>(
                x: trace.X, y: trace.Y, ShowMarkers: trace.X.Length <= ChartStyle.MarkerLimit, Name: "Memory (MB)",
                LineColor: ChartStyle.MemoryColor, MarkerColor: ChartStyle.MemoryColor, UseWebGL: trace.X.Length > ChartStyle.MarkerLimit, UseDefaults: false),
            ChartStyle.LimitLine(start, threshold, end, threshold, $"Threshold {Number(threshold, 1)} MB"),
        ]);
        return ChartStyle.Finish(chart, Title + trace.Note("readings"), "Time since start (s)", "Memory (MB)");
    }

    private static (double[] X, double[] Y) FromSamples(ResourceView samples)
    {
        var rows = Enumerable.Range(0, samples.Count).Where(i => !double.IsNaN(samples.MemoryMb[i])).OrderBy(i => samples.ElapsedS[i]).ToArray();
        return (rows.Select(i => samples.ElapsedS[i]).ToArray(), rows.Select(i => samples.MemoryMb[i]).ToArray());
    }

    private static (double[] X, double[] Y) FromRows(RequestView view)
    {
        var rows = view.Measured.Where(i => !double.IsNaN(view.MemoryMb[i])).OrderBy(i => view.ElapsedS[i]).ToArray();
        return (rows.Select(i => view.ElapsedS[i]).ToArray(), rows.Select(i => view.MemoryMb[i]).ToArray());
    }
}
