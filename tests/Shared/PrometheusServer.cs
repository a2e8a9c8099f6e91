using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace FaceGuard.Testing;

/// <summary>One value of a PromQL instant query: its labels and its number.</summary>
internal sealed record PromSample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    public override string ToString() =>
        "{" + string.Join(", ", Labels.Select(l => $"{l.Key}=\"{l.Value}\"")) + "} " + Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The real prometheus binary on a free loopback port, with its config and storage in a temporary folder. Disposing
/// kills it and deletes the folder. Everything that waits is bounded by the caller's token.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    /// <summary>What to do when promtool or prometheus is missing.</summary>
    public const string InstallHint = "It comes with Debian's prometheus package: run scripts/install-system-deps.sh test.";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly ChildProcess _process;
    private readonly DirectoryInfo _folder;
    private readonly HttpClient _http;

    private PrometheusServer(ChildProcess process, DirectoryInfo folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri Address { get; }

    /// <summary>Prometheus' log so far, for failure messages.</summary>
    public string Log => _process.Output;

    /// <summary>Writes <paramref name="configYaml"/> to a temporary prometheus.yml, starts Prometheus on it and waits until /-/ready answers.</summary>
    public static async Task<PrometheusServer> StartAsync(string configYaml, CancellationToken within)
    {
        var folder = Directory.CreateTempSubdirectory("faceguard-prometheus-");
        PrometheusServer? server = null;
        try
        {
            string config = Path.Combine(folder.FullName, "prometheus.yml");
            await File.WriteAllTextAsync(config, configYaml, within);
            int port = FreeLoopbackPort();
            string[] arguments =
            [
                $"--config.file={config}",
                $"--storage.tsdb.path={Path.Combine(folder.FullName, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
            ];
            var process = ChildProcess.StartServer("prometheus", arguments, folder.FullName, scratch: folder);
            server = new PrometheusServer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
            await server.WaitUntilReadyAsync(within);
            return server;
        }
        catch
        {
            if (server is not null) await server.DisposeAsync();
            else folder.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>GET /api/v1/query: the instant vector <paramref name="promql"/> evaluates to now.</summary>
    public async Task<IReadOnlyList<PromSample>> QueryAsync(string promql, CancellationToken cancellationToken)
    {
        var data = await GetDataAsync("api/v1/query?query=" + Uri.EscapeDataString(promql), cancellationToken);
        return data.GetProperty("result").EnumerateArray().Select(ToSample).ToList();
    }

    /// <summary>Queries until <paramref name="satisfied"/> holds; throws with the last answer when <paramref name="within"/> ends first.</summary>
    public async Task<IReadOnlyList<PromSample>> QueryUntilAsync(string promql, Func<IReadOnlyList<PromSample>, bool> satisfied, string expectation, CancellationToken within)
    {
        IReadOnlyList<PromSample> last = [];
        try
        {
            while (true)
            {
                last = await QueryAsync(promql, within);
                if (satisfied(last)) return last;
                await Task.Delay(PollInterval, within);
            }
        }
        catch (OperationCanceledException) when (within.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Prometheus never answered '{promql}' with {expectation}. Last answer: [{string.Join("; ", last)}]\nPrometheus log:\n{Log}");
        }
    }

    /// <summary>GET /api/v1/rules: the "data" element, with every group, rule, its health and last error.</summary>
    public Task<JsonElement> RulesAsync(CancellationToken cancellationToken) => GetDataAsync("api/v1/rules", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Already deleted by the server's wrapper, or a file still held by the dying process; it is under the temp path.
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken within)
    {
        try
        {
            while (true)
            {
                if (_process.HasExited)
                    throw new InvalidOperationException(
                        $"Prometheus exited with {_process.ExitCode} before it was ready" +
                        (_process.ExitCode == ChildProcess.NotFoundExitCode ? $" (not found; {InstallHint})" : "") + $":\n{Log}");
                try
                {
                    using var response = await _http.GetAsync("-/ready", within);
                    if (response.StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(PollInterval, within);
            }
        }
        catch (OperationCanceledException) when (within.IsCancellationRequested)
        {
            throw new TimeoutException($"Prometheus at {Address} did not become ready in time. Its log:\n{Log}");
        }
    }

    private async Task<JsonElement> GetDataAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(pathAndQuery, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {pathAndQuery} answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("data").Clone();
    }

    private static PromSample ToSample(JsonElement result)
    {
        var labels = result.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        string value = result.GetProperty("value")[1].GetString()!; // [unix time, "number"], Go's formatting
        return new PromSample(labels, value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture), // "NaN" included
        });
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
