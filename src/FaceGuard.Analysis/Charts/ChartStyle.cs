using System.Net;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using FsChart = Plotly.NET.Chart;

namespace FaceGuard.Analysis.Charts;

/// <summary>What every chart of a report shares: size, colours, titles, legend, and no reference to plotly.js
/// (the report embeds it once). Public so that a notebook's own charts look like the library's:
/// <c>ChartStyle.Finish(Chart.Line(…), "title", "x axis", "y axis")</c>.</summary>
public static class ChartStyle
{
    public const int WidthPx = 1000;
    public const int HeightPx = 420;

    /// <summary>Above this many points a line is drawn without markers.</summary>
    public const int MarkerLimit = 300;

    public static readonly Color LatencyColor = Color.fromHex("#2563eb");
    public static readonly Color CpuColor = Color.fromHex("#ea580c");
    public static readonly Color MemoryColor = Color.fromHex("#059669");
    public static readonly Color WarmupColor = Color.fromHex("#9ca3af");
    public static readonly Color FailedColor = Color.fromHex("#dc2626");
    public static readonly Color ThresholdColor = Color.fromHex("#b91c1c");
    public static readonly Color BaselineColor = Color.fromHex("#6b7280");
    public static readonly Color AxisColor = Color.fromHex("#9ca3af");
    public static readonly Color GridColor = Color.fromHex("#e5e7eb");

    /// <summary>The report's own fonts (installed ones only) in place of Plotly.NET's default template, which
    /// also costs a few hundred milliseconds of serialisation per chart.</summary>
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";

    /// <summary>Plotly reads chart text as HTML-like markup; text from data is encoded so it shows as written.</summary>
    public static string Text(string value) => WebUtility.HtmlEncode(value);

    public static GenericChart Finish(GenericChart chart, string title, string xTitle, string yTitle, bool showLegend = true)
    {
        chart = chart
            .WithXAxisStyle<double, double, string>(TitleText: xTitle, ShowLine: true, LineColor: AxisColor, GridColor: GridColor, ZeroLine: false)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle, ShowLine: true, LineColor: AxisColor, GridColor: GridColor, ZeroLine: false)
            .WithSize(WidthPx, HeightPx);
        chart = FsChart.withLayout(Look()).Invoke(chart);
        if (showLegend)
        {
            chart = chart.WithLegendStyle(
                Orientation: StyleParam.Orientation.Horizontal,
                X: 1.0,
                XAnchor: StyleParam.XAnchorPosition.Right,
                Y: 1.02,
                YAnchor: StyleParam.YAnchorPosition.Bottom);
        }

        chart = FsChart.withTitle(title, FSharpOption<Font>.None).Invoke(chart);
        chart = FsChart.withMarginSize<int, int, int, int, int, bool>(
            Left: Px(70), Right: Px(70), Top: Px(80), Bottom: Px(60), Pad: null, Autoexpand: null).Invoke(chart);
        chart = FsChart.withConfig(Config()).Invoke(chart);
        return FsChart.withDisplayOptions(DisplayOptions.init(
            DocumentTitle: null,
            DocumentCharset: null,
            DocumentDescription: null,
            DocumentFavicon: null,
            AdditionalHeadTags: null,
            ChartDescription: null,
            PlotlyJSReference: PlotlyJSReference.NoReference)).Invoke(chart);
    }

    /// <summary>A horizontal or vertical dashed limit line from (x0, y0) to (x1, y1).</summary>
    public static GenericChart LimitLine(double x0, double y0, double x1, double y1, string name) =>
        Plotly.NET.CSharp.Chart.Line<double, double, string>(
            x: [x0, x1],
            y: [y0, y1],
            Name: name,
            LineColor: ThresholdColor,
            LineDash: StyleParam.DrawingStyle.Dash,
            LineWidth: 1.5,
            UseDefaults: false);

    private static Layout Look()
    {
        var layout = new Layout();
        layout.SetProperty("font", new Dictionary<string, object> { ["family"] = FontFamily, ["size"] = 13, ["color"] = "#1f2937" });
        layout.SetProperty("paper_bgcolor", "#ffffff");
        layout.SetProperty("plot_bgcolor", "#ffffff");
        layout.SetProperty("hoverlabel", new Dictionary<string, object> { ["align"] = "left" });
        return layout;
    }

    private static FSharpOption<int> Px(int pixels) => FSharpOption<int>.Some(pixels);

    private static Config Config()
    {
        // Plotly.NET's Config.init takes 40 F# options; the two that matter are set directly.
        var config = new Config();
        config.SetProperty("responsive", true);
        config.SetProperty("displaylogo", false);
        return config;
    }
}
