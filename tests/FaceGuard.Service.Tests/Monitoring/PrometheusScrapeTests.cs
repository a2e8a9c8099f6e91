using System.Net;

namespace FaceGuard.Service.Tests.Monitoring;

/// <summary>
/// The real service scraped by a real Prometheus every second with the checked-in rules: the metric names and labels
/// the rules select are the ones the service exports, and every rule evaluates on them without error.
/// </summary>
public class PrometheusScrapeTests
{
    private const int Photos = 10;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Prometheus_scraping_the_service_counts_processed_photos_and_evaluates_every_rule()
    {
        await using var service = await RunningService.StartReadyAsync();
        string target = service.Address.Authority; // 127.0.0.1:PORT, which Prometheus labels instance=
        using var within = new CancellationTokenSource(Bound);
        await using var prometheus = await PrometheusServer.StartAsync(ConfigScraping(target), within.Token);

        // A first scrape before the photos, so the counters grow between scrapes and rate() sees the requests.
        await prometheus.QueryUntilAsync($"up{{job=\"faceguard\", instance=\"{target}\"}}", r => r.Any(s => s.Value == 1), "up == 1", within.Token);

        // The series of successful /process requests appears with the first 200, and rate() needs it to grow between
        // two scrapes: half the photos, a scrape that sees them, then the other half. All ten between two scrapes left
        // the rate at 0 and the p95 at NaN (seen once, on a fast run).
        byte[] photo = TestData.PhotoBytes("astronaut.png");
        foreach (int sent in new[] { Photos / 2, Photos })
        {
            for (int i = 0; i < Photos / 2; i++)
            {
                using var response = await service.Client.PostAsync("/process", TestData.Form(photo, "astronaut.png", mediaType: "image/png"), within.Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            await prometheus.QueryUntilAsync($"sum(http_requests_received_total{{instance=\"{target}\", endpoint=\"/process\", code=\"200\"}})",
                r => r.Count == 1 && r[0].Value >= sent, $"at least {sent} successful requests", within.Token);
        }
        await prometheus.QueryUntilAsync("sum(http_request_duration_seconds_count{endpoint=\"/process\"})",
            r => r.Count == 1 && r[0].Value >= Photos, $"at least {Photos} timed requests", within.Token);
        var p95 = await prometheus.QueryUntilAsync($"instance:faceguard_process_latency_seconds:p95_rate5m{{instance=\"{target}\"}}",
            r => r.Count == 1 && double.IsFinite(r[0].Value) && r[0].Value > 0, "a p95 latency from the recording rule", within.Token);
        Assert.InRange(p95[0].Value, 0.001, 60);

        await prometheus.QueryUntilAsync($"faceguard_ready{{instance=\"{target}\"}}", r => r.Count == 1 && r[0].Value == 1, "ready", within.Token);
        await prometheus.QueryUntilAsync($"instance:faceguard_resident_memory_bytes:max{{instance=\"{target}\"}}",
            r => r.Count == 1 && r[0].Value > 10_000_000, "the resident memory of the service", within.Token);

        var rules = await EvaluatedRulesAsync(prometheus, within.Token);
        foreach (string alert in DeployFiles.AlertNames)
            Assert.Contains(rules, r => r.Type == "alerting" && r.Name == alert);
        Assert.Contains(rules, r => r.Type == "recording" && r.Name == "instance:faceguard_process_latency_seconds:p95_rate5m");
        Assert.All(rules, r => Assert.True(r.Health == "ok", $"{r.Name}: health {r.Health}, {r.LastError}"));
    }

    private sealed record RuleState(string Name, string Type, string Health, string? LastError);

    /// <summary>The loaded rules once each has been evaluated at least once (health leaves "unknown").</summary>
    private static async Task<IReadOnlyList<RuleState>> EvaluatedRulesAsync(PrometheusServer prometheus, CancellationToken within)
    {
        IReadOnlyList<RuleState> rules = [];
        try
        {
            while (true)
            {
                var data = await prometheus.RulesAsync(within);
                rules = data.GetProperty("groups").EnumerateArray()
                    .SelectMany(g => g.GetProperty("rules").EnumerateArray())
                    .Select(r => new RuleState(
                        r.GetProperty("name").GetString()!,
                        r.GetProperty("type").GetString()!,
                        r.GetProperty("health").GetString()!,
                        r.TryGetProperty("lastError", out var error) ? error.GetString() : null))
                    .ToList();
                if (rules.Count > 0 && rules.All(r => r.Health != "unknown")) return rules;
                await Task.Delay(TimeSpan.FromMilliseconds(250), within);
            }
        }
        catch (OperationCanceledException) when (within.IsCancellationRequested)
        {
            throw new TimeoutException($"Not every rule was evaluated in time: {string.Join(", ", rules)}\nPrometheus log:\n{prometheus.Log}");
        }
    }

    /// <summary>deploy/prometheus/prometheus.yml's job and rules, scraping only <paramref name="target"/>, every second.</summary>
    private static string ConfigScraping(string target) => $"""
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        rule_files:
          - '{DeployFiles.AlertRules}'
        scrape_configs:
          - job_name: faceguard
            static_configs:
              - targets: ['{target}']
        """;
}
