using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>
/// The built service run as its own process — `dotnet FaceGuard.Service.dll --urls http://127.0.0.1:0` with the
/// launcher's malloc settings — so that its memory, its signals and its exit code are its own. The port is read from
/// its "Now listening on" line, readiness from /healthz; every wait is bounded by the caller's token.
/// If the test host dies without disposing it, the service is stopped anyway (see <see cref="ChildProcess.StartServer"/>).
/// </summary>
internal sealed partial class ServiceProcess : IAsyncDisposable
{
    /// <summary>What the faceguard launcher and launchSettings.json set (see NativeMemory).</summary>
    public static IReadOnlyDictionary<string, string> LauncherEnvironment => FaceGuard.Engine.NativeMemory.LauncherEnvironment;

    private const int SIGTERM = 15;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ChildProcess _wrapper = null!;

    private ServiceProcess()
    {
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The service's own process (not the shell around it): the one to sample and to signal.</summary>
    public int Pid { get; private set; }

    public Uri Address { get; private set; } = null!;

    /// <summary>A client with <see cref="Address"/> as its base address, no proxy, 60 s timeout.</summary>
    public HttpClient Client { get; }

    public bool HasExited => _wrapper.HasExited;

    /// <summary>Everything the service wrote to stdout and stderr so far.</summary>
    public string Log => _wrapper.Output;

    /// <summary>Starts the service and waits until /healthz answers 200 (models loaded, warmed up).</summary>
    /// <param name="settings">Configuration, e.g. ("FaceGuard:MaxConcurrency", "3"), passed as --Key=Value.</param>
    public static async Task<ServiceProcess> StartAsync(CancellationToken within, params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>(LauncherEnvironment)
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        string[] arguments = [Repo.ServiceAssembly, "--urls", "http://127.0.0.1:0", .. settings.Select(s => $"--{s.Key}={s.Value}")];
        var service = new ServiceProcess();
        service._wrapper = ChildProcess.StartServer(DotnetHost(), arguments, Repo.Root, environment, onLine: service.OnLine);
        try
        {
            service.Pid = await service.WaitForStartupLineAsync(service._wrapper.ServerPid, "its PID", within);
            service.Address = await service.WaitForStartupLineAsync(service._listening.Task, "a \"Now listening on\" line", within);
            service.Client.BaseAddress = service.Address;
            await service.WaitUntilHealthyAsync(within);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until GET /healthz answers 200.</summary>
    public async Task WaitUntilHealthyAsync(CancellationToken within)
    {
        try
        {
            while (true)
            {
                ThrowIfExited("before it was healthy");
                try
                {
                    using var response = await Client.GetAsync("/healthz", within);
                    if (response.StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException)
                {
                    // not accepting connections yet
                }
                await Task.Delay(PollInterval, within);
            }
        }
        catch (OperationCanceledException) when (within.IsCancellationRequested)
        {
            throw new TimeoutException($"The service never answered /healthz with 200. Its log:\n{Log}");
        }
    }

    /// <summary>Sends SIGTERM to the service, as systemd, Docker and Kubernetes do to stop it.</summary>
    public void Terminate()
    {
        if (Kill(Pid, SIGTERM) != 0)
            throw new InvalidOperationException($"kill({Pid}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    /// <summary>The service's exit code, once it has exited.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken within)
    {
        try
        {
            await _wrapper.WaitForExitAsync(within); // also waits for the end of its output
        }
        catch (OperationCanceledException) when (within.IsCancellationRequested)
        {
            throw new TimeoutException($"The service (PID {Pid}) did not exit in time. Its log:\n{Log}");
        }
        return _wrapper.ExitCode;
    }

    /// <summary>Whether a new TCP connection to the service's port is refused (nothing listens there). A reset counts
    /// as refused: a connection that reached the backlog just as the listener closed is reset, not accepted.</summary>
    public async Task<bool> RefusesConnectionsAsync(CancellationToken cancellationToken)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, Address.Port, cancellationToken);
            return false;
        }
        catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode is System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.ConnectionReset)
        {
            return true;
        }
    }

    /// <summary>Lines of the log at warning level or worse that Kestrel or our code wrote ("fail:", "crit:").</summary>
    public IReadOnlyList<string> ErrorLines() =>
        Log.Split('\n').Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _wrapper.DisposeAsync();
    }

    private void OnLine(string line)
    {
        if (ListeningLine().Match(line) is { Success: true } match)
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    private async Task<T> WaitForStartupLineAsync<T>(Task<T> line, string what, CancellationToken within)
    {
        var exited = _wrapper.WaitForExitAsync(within);
        try
        {
            if (await Task.WhenAny(line, exited) == line) return await line;
            await exited;
        }
        catch (OperationCanceledException) when (within.IsCancellationRequested)
        {
            throw new TimeoutException($"The service did not print {what} in time. Its log:\n{Log}");
        }
        catch (InvalidOperationException)
        {
            // the wrapper ended before the line: said below
        }
        throw new InvalidOperationException($"The service exited with {_wrapper.ExitCode} before it printed {what}. Its log:\n{Log}");
    }

    private void ThrowIfExited(string when)
    {
        if (_wrapper.HasExited)
            throw new InvalidOperationException($"The service exited with {_wrapper.ExitCode} {when}. Its log:\n{Log}");
    }

    /// <summary>The dotnet host running these tests, so the service runs on the same runtime.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
