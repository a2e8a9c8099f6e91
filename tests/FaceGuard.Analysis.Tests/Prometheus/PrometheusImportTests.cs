using System.Globalization;
using FaceGuard.Analysis.Prometheus;
using FaceGuard.Analysis.Statistics;
using FaceGuard.Analysis.Tests.Charts;
using FaceGuard.Analysis.Tests.Reports;

namespace FaceGuard.Analysis.Tests.Prometheus;

/// <summary>Range query answers of a real Prometheus (see <see cref="Fixtures"/>) read into series, frames and charts.</summary>
public class PrometheusImportTests
{
    private static readonly DateTimeOffset FirstScrape = DateTimeOffset.FromUnixTimeSeconds(1795748981);

    [Fact]
    public void Range_query_is_read_as_series_with_labels_times_and_values()
    {
        var result = PrometheusJson.Parse(Fixtures.Requests);

        Assert.Equal(PrometheusResult.Matrix, result.ResultType);
        Assert.Empty(result.Warnings);
        Assert.Equal(["{code=\"200\", endpoint=\"/process\"}", "{code=\"400\", endpoint=\"/process\"}"], result.Series.Select(s => s.Key));
        var ok = result["{code=\"200\", endpoint=\"/process\"}"];
        Assert.Null(ok.MetricName);
        Assert.Equal("200", ok.Labels["code"]);
        Assert.Equal(16, ok.Samples.Count);
        Assert.Equal(new TimedValue(FirstScrape, 18), ok.Samples[0]);
        Assert.Equal(new TimedValue(FirstScrape.AddSeconds(15), 40), ok.Samples[^1]);
        Assert.Equal(ok.Samples.OrderBy(s => s.Timestamp), ok.Samples);
        Assert.Equal(["code"], result.DistinguishingLabels());
        Assert.Equal("code=400", result.ShortName(result.Series[1]));
    }

    [Fact]
    public void Metric_name_heads_the_key_and_labels_follow_sorted()
    {
        var memory = PrometheusJson.Parse(Fixtures.Memory).Series.Single();

        Assert.Equal("process_resident_memory_bytes", memory.MetricName);
        Assert.Equal("process_resident_memory_bytes{instance=\"127.0.0.1:18080\", job=\"faceguard\"}", memory.Key);
        Assert.Equal(168_660_992, memory.Samples[0].Value);
    }

    [Fact]
    public void NaN_and_infinities_come_through_as_doubles()
    {
        var p95 = PrometheusJson.Parse(Fixtures.P95).Series.Single();
        Assert.Equal(0.03937266187050359, p95.Samples[0].Value);
        Assert.True(double.IsNaN(p95.Samples[^1].Value));
        Assert.Equal(9, p95.Samples.Count(s => double.IsNaN(s.Value)));

        var special = PrometheusJson.Parse("""
            {"status":"success","data":{"resultType":"matrix","result":[{"metric":{"le":"+Inf"},"values":[[1.5,"+Inf"],[2.25,"-Inf"],[3,"1e+06"]]}]},"warnings":["partial answer"]}
            """);
        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity, 1e6], special.Series[0].Values);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(2250), special.Series[0].Samples[1].Timestamp);
        Assert.Equal(["partial answer"], special.Warnings);
    }

    [Fact]
    public void Values_are_read_the_same_under_a_comma_decimal_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Cultures.CommaDecimal();
        try
        {
            Assert.Equal(0.03937266187050359, PrometheusJson.Parse(Fixtures.P95).Series[0].Samples[0].Value);
            Assert.Contains("start=1795748981&", PrometheusApi.QueryRangeUrl("up", FirstScrape, FirstScrape.AddMinutes(1), TimeSpan.FromSeconds(1.5)));
            Assert.EndsWith("&step=1.5s", PrometheusApi.QueryRangeUrl("up", FirstScrape, FirstScrape.AddMinutes(1), TimeSpan.FromSeconds(1.5)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Long_frame_has_a_row_per_sample_and_a_column_per_label()
    {
        var result = PrometheusJson.Parse(Fixtures.Requests);
        var frame = PrometheusFrames.Long(result);

        Assert.Equal(["Timestamp", "Series", "Value", "code", "endpoint"], frame.Columns.Select(c => c.Name));
        Assert.Equal(32, frame.Rows.Count);
        Assert.Equal(FirstScrape.UtcDateTime, frame["Timestamp"][0]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)frame["Timestamp"][0]!).Kind);
        Assert.Equal("{code=\"400\", endpoint=\"/process\"}", frame["Series"][16]);
        Assert.Equal("400", frame["code"][16]);
        Assert.Equal(40.0, frame["Value"][31]);
        Assert.Equal(result.Series.Sum(s => s.Values.Sum()), frame["Value"].Cast<double?>().Sum());
    }

    [Fact]
    public void Wide_frame_has_a_column_per_series_and_nulls_where_a_series_has_no_sample()
    {
        var result = PrometheusJson.Parse("""
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"__name__":"up","instance":"a:8080"},"values":[[10,"1"],[20,"1"]]},
              {"metric":{"__name__":"up","instance":"b:8080"},"values":[[20,"0"],[30,"1"]]}]}}
            """);
        var frame = PrometheusFrames.Wide(result);

        Assert.Equal(["Timestamp", "up{instance=\"a:8080\"}", "up{instance=\"b:8080\"}"], frame.Columns.Select(c => c.Name));
        Assert.Equal(3, frame.Rows.Count);
        Assert.Equal([1.0, 1.0, null], frame["up{instance=\"a:8080\"}"].Cast<double?>());
        Assert.Equal([null, 0.0, 1.0], frame["up{instance=\"b:8080\"}"].Cast<double?>());
        var long_ = PrometheusFrames.Long(result);
        Assert.Equal(["Timestamp", "Series", "Value", "__name__", "instance"], long_.Columns.Select(c => c.Name));
        Assert.Equal("up", long_["__name__"][0]);
    }

    [Fact]
    public void A_label_named_like_a_fixed_column_gets_a_prefix()
    {
        var result = PrometheusJson.Parse("""
            {"status":"success","data":{"resultType":"vector","result":[{"metric":{"Value":"x","job":"j"},"value":[1,"2"]}]}}
            """);
        var frame = PrometheusFrames.Long(result);

        Assert.Equal(PrometheusResult.Vector, result.ResultType);
        Assert.Equal(["Timestamp", "Series", "Value", "label_Value", "job"], frame.Columns.Select(c => c.Name));
        Assert.Equal(2.0, frame["Value"][0]);
        Assert.Equal("x", frame["label_Value"][0]);
    }

    [Fact]
    public void A_refused_query_becomes_a_typed_error_with_what_Prometheus_said()
    {
        var error = Assert.Throws<PrometheusQueryException>(() => PrometheusJson.Parse("""
            {"status":"error","errorType":"bad_data","error":"1:6: parse error: unclosed left parenthesis"}
            """));
        Assert.Equal("bad_data", error.ErrorType);
        Assert.Contains("unclosed left parenthesis", error.Message);
    }

    [Theory]
    [InlineData("""{"status":"success","data":{"resultType":"scalar","result":[1,"2"]}}""", "data.resultType", "scalar")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"2"],[2,3]]}]}}""", "data.result[0].values[1]", "[unix seconds")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"two"]]}]}}""", "data.result[0].values[0]", "\"two\"")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix"}}""", "data.result", "present")]
    [InlineData("""{"data":{}}""", "status", "present")]
    [InlineData("""<html>502 Bad Gateway</html>""", null, "not JSON")]
    public void Answers_that_are_not_query_results_are_refused_saying_where(string json, string? path, string message)
    {
        var error = Assert.Throws<PrometheusQueryException>(() => PrometheusJson.Parse(json));
        if (path is not null) Assert.Equal(path, error.JsonPath);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Production_memory_goes_through_the_same_threshold_check_and_chart_as_bench_logs()
    {
        var result = PrometheusJson.Parse(Fixtures.Memory);
        var memoryMb = result.Series[0].Scaled(1.0 / (1024 * 1024));

        var alert = ThresholdCheck.Memory(memoryMb.ToTimedValues(), thresholdMb: 170);
        Assert.Equal(16, alert.Samples);
        Assert.Equal(11, alert.Crossings);
        Assert.Equal(FirstScrape.AddSeconds(5), alert.First);
        Assert.Equal(174.9, Distribution.Describe(memoryMb.Values).Max, 1);

        var chart = PlotlyJson.Of(PrometheusChart.Create(result, "Resident memory", "MB", scale: 1.0 / (1024 * 1024), threshold: 200, thresholdName: "Alert 200 MB"));
        Assert.Equal("Resident memory", chart.Title);
        // Text from data is HTML-encoded, as in every chart of the library: plotly.js reads names as markup.
        Assert.Equal([System.Net.WebUtility.HtmlEncode(result.Series[0].Key), "Alert 200 MB"], chart.TraceNames);
        Assert.Equal(168_660_992 / (1024.0 * 1024), PlotlyJson.Numbers(chart.Trace(chart.TraceNames.First()), "y")[0], 6);
        Assert.Equal("MB", chart.AxisTitle("yaxis"));
    }

    [Fact]
    public void Chart_legends_name_series_by_the_labels_that_differ_and_leave_NaN_as_gaps()
    {
        var requests = PlotlyJson.Of(PrometheusChart.Create(PrometheusJson.Parse(Fixtures.Requests), "Requests", "count"));
        Assert.Equal(["code=200", "code=400"], requests.TraceNames);

        var p95 = PlotlyJson.Of(PrometheusChart.Create(PrometheusJson.Parse(Fixtures.P95), "p95", "s"));
        var y = p95.Data[0].GetProperty("y").EnumerateArray().ToList();
        Assert.Equal(15, y.Count);
        Assert.Equal(0.03937266187050359, y[0].GetDouble());
        Assert.All(y.Skip(6), v => Assert.NotEqual(System.Text.Json.JsonValueKind.Number, v.ValueKind)); // "NaN": plotly.js draws a gap
    }

    [Fact]
    public void Query_range_url_carries_the_expression_unix_seconds_and_step()
    {
        string url = PrometheusApi.QueryRangeUrl("rate(http_requests_received_total{code=~\"5..\"}[5m])",
            FirstScrape, FirstScrape.AddHours(1), TimeSpan.FromSeconds(15));

        Assert.Equal("api/v1/query_range?query=rate%28http_requests_received_total%7Bcode%3D~%225..%22%7D%5B5m%5D%29&start=1795748981&end=1795752581&step=15s", url);
        Assert.Throws<ArgumentOutOfRangeException>(() => PrometheusApi.QueryRangeUrl("up", FirstScrape, FirstScrape.AddDays(1), TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrometheusApi.QueryRangeUrl("up", FirstScrape, FirstScrape.AddSeconds(-1), TimeSpan.FromSeconds(1)));
    }
}
