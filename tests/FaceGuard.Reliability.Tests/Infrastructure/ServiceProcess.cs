using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>
/// The built service run as its own process — `dotnet FaceGuard.Service.dll --urls http://127.0.0.1:0` with the
/// launcher's malloc settings — so that its memory, its signals and its exit code are its own. The port is read from
/// its "Now listening on" line, readiness from /healthz; every wait is bounded by the caller's token.
/// If the test host dies without disposing it, the service is stopped anyway (see <see cref="StopWhenStdinCloses"/>).
/// </summary>
internal sealed partial class ServiceProcess : IAsyncDisposable
{
    /// <summary>What the faceguard launcher and launchSettings.json set (see NativeMemory).</summary>
    public static IReadOnlyDictionary<string, string> LauncherEnvironment => FaceGuard.Engine.NativeMemory.LauncherEnvironment;

    private const int SIGTERM = 15;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Runs "$0" "$@" in the background, says its PID, and stops it (SIGTERM) when this wrapper's stdin reaches end of
    /// file — when the test host closes the pipe or dies. The wrapper exits with the service's exit code.
    /// </summary>
    private const string StopWhenStdinCloses = """
        exec 3<&0
        "$0" "$@" </dev/null &
        server=$!
        echo "service-pid: $server"
        (cat <&3 >/dev/null 2>&1; kill $server 2>/dev/null) >/dev/null 2>&1 &
        exec 3<&-
        wait $server
        """;

    private readonly Process _wrapper;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<int> _pid = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process wrapper)
    {
        _wrapper = wrapper;
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The service's own process (not the shell around it): the one to sample and to signal.</summary>
    public int Pid { get; private set; }

    public Uri Address { get; private set; } = null!;

    /// <summary>A client with <see cref="Address"/> as its base address, no proxy, 60 s timeout.</summary>
    public HttpClient Client { get; }

    public bool HasExited => _wrapper.HasExited;

    /// <summary>Everything the service wrote to stdout and stderr so far.</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>Starts the service and waits until /healthz answers 200 (models loaded, warmed up).</summary>
    /// <param name="settings">Configuration, e.g. ("FaceGuard:MaxConcurrency", "3"), passed as --Key=Value.</param>
    public static async Task<ServiceProcess> StartAsync(CancellationToken within, params (string Key, string Value)[] settings)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true, // never written; closed by Dispose, or by the kernel when the test host dies
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
        foreach (var (name, value) in LauncherEnvironment) info.Environment[name] = value;
        info.Environment["DOTNET_ENVIRONMENT"] = info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(StopWhenStdinCloses);
        info.ArgumentList.Add(DotnetHost()); // $0
        foreach (string argument in (string[])[Repo.ServiceAssembly, "--urls", "http://127.0.0.1:0", .. settings.Select(s => $"--{s.Key}={s.Value}")])
            info.ArgumentList.Add(argument);

        var service = new ServiceProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        try
        {
            service.Start();
            service.Pid = await service.WaitForStartupLineAsync(service._pid.Task, "its PID", within);
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
        try
        {
            if (!_wrapper.HasExited) _wrapper.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // never started, or exited between the check and the kill
        }
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _wrapper.WaitForExitAsync(bound.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // killed but not reaped within the bound, or never started
        }
        _wrapper.Dispose();
    }

    private void Start()
    {
        _wrapper.OutputDataReceived += (_, e) => OnLine(e.Data);
        _wrapper.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _wrapper.Start();
        _wrapper.BeginOutputReadLine();
        _wrapper.BeginErrorReadLine();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
        if (line.StartsWith("service-pid: ", StringComparison.Ordinal))
            _pid.TrySetResult(int.Parse(line["service-pid: ".Length..], CultureInfo.InvariantCulture));
        else if (ListeningLine().Match(line) is { Success: true } match)
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
