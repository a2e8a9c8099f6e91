namespace FaceGuard.Service.Tests.Monitoring;

/// <summary>
/// deploy/prometheus checked by Prometheus' own tool: the config and rules load, and every alert fires on the
/// series it is meant for and stays quiet on the ones just beside (faceguard-alerts.test.yml).
/// </summary>
public class PrometheusRuleTests
{
    private static readonly TimeSpan PromtoolTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Prometheus_config_is_valid_and_finds_the_rule_file()
    {
        var result = await PromtoolAsync("check", "config", "prometheus.yml");
        Assert.Contains("1 rule files found", result.Output);
    }

    [Fact]
    public async Task Alert_rules_are_valid()
    {
        var result = await PromtoolAsync("check", "rules", "faceguard-alerts.yml");
        Assert.Contains("SUCCESS", result.Output);
        string rules = await File.ReadAllTextAsync(DeployFiles.AlertRules);
        foreach (string alert in DeployFiles.AlertNames)
            Assert.Contains($"- alert: {alert}", rules);
    }

    [Fact]
    public async Task Every_alert_fires_above_its_threshold_and_not_below()
    {
        var result = await PromtoolAsync("test", "rules", "faceguard-alerts.test.yml");
        Assert.Contains("SUCCESS", result.Output);
        string tests = await File.ReadAllTextAsync(Path.Combine(DeployFiles.PrometheusFolder, "faceguard-alerts.test.yml"));
        foreach (string alert in DeployFiles.AlertNames)
            Assert.Contains($"alertname: {alert}", tests); // an alert without a test would pass unnoticed
    }

    /// <summary>Runs promtool in deploy/prometheus (the files refer to each other by relative path); fails with its output.</summary>
    private static async Task<ProcessResult> PromtoolAsync(params string[] arguments)
    {
        var result = await ChildProcess.RunAsync("promtool", arguments, DeployFiles.PrometheusFolder, PromtoolTimeout, missingHint: PrometheusServer.InstallHint);
        Assert.True(result.ExitCode == 0, $"promtool {string.Join(' ', arguments)} exited with {result.ExitCode}:\n{result.Output}");
        return result;
    }
}
