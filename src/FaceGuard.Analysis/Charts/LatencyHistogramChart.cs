using FaceGuard.Analysis.Frames;
using FaceGuard.Analysis.Logs;
using Microsoft.Data.Analysis;
using Plotly.NET;
using CsChart = Plotly.NET.CSharp.Chart;
using FsChart = Plotly.NET.Chart;

namespace FaceGuard.Analysis.Charts;

/// <summary>How the latencies of the measured successful requests are spread: bins counted here from every request
/// (a million latencies are not shipped to the browser), drawn as bars.</summary>
public static class LatencyHistogramChart
{
    public const string Title = "Latency histogram";

    /// <summary>At most this many bins, of a round width (1, 2 or 5 times a power of ten).</summary>
    public const int MaxBins = 60;

    public static GenericChart Create(RunLog log) => Create(log.Requests);

    public static GenericChart Create(DataFrame requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return Create(RequestView.Of(requests));
    }

    internal static GenericChart Create(RequestView view)
    {
        var latencies = RequestView.At(view.LatencyMs, view.MeasuredSucceeded);
        var bins = Histogram.Of(latencies, MaxBins);
        var chart = CsChart.Column<double, double, string>(
            values: bins.Counts.Select(c => (double)c), Keys: bins.Centers, Name: "Requests", MarkerColor: ChartStyle.LatencyColor, Opacity: 0.85, UseDefaults: false);
        var layout = new Layout();
        layout.SetProperty("bargap", 0.05);
        return ChartStyle.Finish(FsChart.withLayout(layout).Invoke(chart), Title, "Latency (ms)", "Requests", showLegend: false);
    }
}

/// <summary>Equal-width bins with a round width over a sample's range.</summary>
internal sealed record Histogram(double[] Centers, long[] Counts, double BinWidth)
{
    public static Histogram Of(IReadOnlyList<double> values, int maxBins)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return new Histogram([], [], double.NaN);
        double min = finite.Min(), max = finite.Max();
        double width = RoundWidth((max - min) / maxBins);
        double start = Math.Floor(min / width) * width;
        int bins = Math.Max(1, (int)Math.Floor((max - start) / width) + 1);
        var counts = new long[bins];
        foreach (double v in finite) counts[Math.Min(bins - 1, (int)((v - start) / width))]++;
        return new Histogram(Enumerable.Range(0, bins).Select(b => start + (b + 0.5) * width).ToArray(), counts, width);
    }

    /// <summary>The smallest of 1, 2, 5 × 10^k at least <paramref name="raw"/>.</summary>
    private static double RoundWidth(double raw)
    {
        if (!(raw > 0)) return 1;
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (double step in new[] { 1.0, 2.0, 5.0, 10.0 })
            if (step * power >= raw) return step * power;
        return 10 * power;
    }
}
