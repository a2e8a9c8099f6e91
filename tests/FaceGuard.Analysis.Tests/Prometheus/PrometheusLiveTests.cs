using System.Net;
using FaceGuard.Analysis.Prometheus;
using FaceGuard.Analysis.Tests.LoadTests;

namespace FaceGuard.Analysis.Tests.Prometheus;

/// <summary>
/// The import against a real Prometheus (Debian's prometheus package, on loopback, in a temporary folder) scraping the
/// real service every second: what <see cref="PrometheusApi.QueryRangeAsync"/> brings back is what was sent.
/// </summary>
public class PrometheusLiveTests
{
    private const int Photos = 6;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Range_query_of_a_real_Prometheus_scraping_the_service_counts_the_photos_sent()
    {
        using var within = new CancellationTokenSource(Bound);
        var (app, address) = await TestServices.StartFaceGuardAsync();
        await using var _ = app;
        await using var prometheus = await PrometheusServer.StartAsync($"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: faceguard
                static_configs:
                  - targets: ['{address.Authority}']
            """, within.Token);
        using var http = new HttpClient { BaseAddress = prometheus.Address, Timeout = TimeSpan.FromSeconds(10) };
        var start = DateTimeOffset.UtcNow.AddSeconds(-5);
        // "or vector(0)": the series only exists once a first 200 has been counted. The counter is process-wide, so
        // other tests' requests may be in it too: what is checked is that it grew by the photos sent here.
        const string promql = "sum(http_requests_received_total{job=\"faceguard\", endpoint=\"/process\", code=\"200\"}) or vector(0)";

        // A scrape before the photos, so that the counter is seen to grow; then the photos; then a scrape after them.
        await QueryUntilAsync(http, "up{job=\"faceguard\"}", start, r => r.Series.Count == 1 && r.Series[0].Samples.Any(s => s.Value == 1), prometheus, within.Token);
        var before = await PrometheusApi.QueryRangeAsync(http, promql, start, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), within.Token);
        double counted = before.Series.Single().Samples[^1].Value;
        using (var client = new HttpClient { BaseAddress = address })
        {
            byte[] photo = await File.ReadAllBytesAsync(TestServices.Photo("messi5.jpg"), within.Token);
            for (int i = 0; i < Photos; i++)
            {
                using var form = new MultipartFormDataContent { { new ByteArrayContent(photo), "image", "messi5.jpg" } };
                using var response = await client.PostAsync("/process?sensitivity=normal", form, within.Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        var result = await QueryUntilAsync(http, promql, start, r => r.Series.Count == 1 && r.Series[0].Samples[^1].Value >= counted + Photos, prometheus, within.Token);

        var series = result.Series.Single();
        Assert.Equal(PrometheusResult.Matrix, result.ResultType);
        Assert.Equal("{}", series.Key); // sum() drops every label
        Assert.True(series.Samples.Count >= 2, $"{series.Samples.Count} samples");
        Assert.True(series.Samples[^1].Value - series.Samples[0].Value >= Photos, string.Join("; ", series.Samples));
        Assert.All(series.Samples, s => Assert.InRange(s.Timestamp, start.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1)));
        var frame = PrometheusFrames.Long(result);
        Assert.Equal(series.Samples.Count, frame.Rows.Count);

        var refused = await Assert.ThrowsAsync<PrometheusQueryException>(() =>
            PrometheusApi.QueryRangeAsync(http, "rate(", start, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), within.Token));
        Assert.Equal("bad_data", refused.ErrorType);
    }

    private static async Task<PrometheusResult> QueryUntilAsync(HttpClient http, string promql, DateTimeOffset start,
        Func<PrometheusResult, bool> satisfied, PrometheusServer prometheus, CancellationToken within)
    {
        PrometheusResult? last = null;
        try
        {
            while (true)
            {
                last = await PrometheusApi.QueryRangeAsync(http, promql, start, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), within);
                if (satisfied(last)) return last;
                await Task.Delay(Poll, within);
            }
        }
        catch (OperationCanceledException) when (within.IsCancellationRequested)
        {
            throw new TimeoutException($"Prometheus never answered '{promql}' as expected; last: {string.Join("; ", last?.Series ?? [])}\n{prometheus.Log}");
        }
    }
}
