using System.Net;
using System.Net.Sockets;
using FaceGuard.Engine;
using FaceGuard.Testing;

namespace FaceGuard.Benchmarks;

/// <summary>A server started as its own process on a free loopback port, so its CPU and memory are its own; stopped
/// with its children when disposed, or when this process dies (<see cref="ChildProcess.StartServer"/>).</summary>
internal sealed class LocalServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);
    private readonly ChildProcess _process;

    private LocalServer(ChildProcess process, int pid, Uri address) => (_process, Pid, Address) = (process, pid, address);

    /// <summary>The server's own process id: the one to sample.</summary>
    public int Pid { get; }

    public Uri Address { get; }

    /// <param name="assembly">A .NET program beside this one, started with the dotnet host.</param>
    public static Task<LocalServer> StartDotnetAsync(string assembly, string readyPath, params string[] arguments) =>
        StartAsync("dotnet", readyPath, [Path.Combine(AppContext.BaseDirectory, assembly), .. arguments], _ => new Dictionary<string, string>(), withFaceGuardMemorySettings: true);

    /// <param name="arguments">"{port}" in an argument becomes the chosen port.</param>
    /// <param name="environment">Variables for the child, given the chosen port.</param>
    /// <param name="withFaceGuardMemorySettings">Start it with the allocator settings of the ./faceguard launcher
    /// (<see cref="NativeMemory.LauncherEnvironment"/>); off for programs that are not ours.</param>
    public static async Task<LocalServer> StartAsync(string program, string readyPath, string[] arguments,
        Func<int, IReadOnlyDictionary<string, string>> environment, bool withFaceGuardMemorySettings)
    {
        int port = FreePort();
        var variables = new Dictionary<string, string>(withFaceGuardMemorySettings ? NativeMemory.LauncherEnvironment : new Dictionary<string, string>());
        foreach (var (name, value) in environment(port)) variables[name] = value;
        var process = ChildProcess.StartServer(program, arguments.Select(a => a.Replace("{port}", port.ToString())), Environment.CurrentDirectory, variables);
        try
        {
            using var within = new CancellationTokenSource(ReadyWithin);
            int pid = await process.ServerPid.WaitAsync(within.Token);
            var address = new Uri($"http://127.0.0.1:{port}");
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{process.Output}");
                try
                {
                    if ((await client.GetAsync(new Uri(address, readyPath), within.Token)).IsSuccessStatusCode) return new LocalServer(process, pid, address);
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                catch (TaskCanceledException) when (!within.IsCancellationRequested)
                {
                    // this attempt timed out; the next one may not
                }
                await Task.Delay(100, within.Token);
            }
        }
        catch (OperationCanceledException)
        {
            await process.DisposeAsync();
            throw new TimeoutException($"{program} did not become ready in {ReadyWithin.TotalSeconds:0} s:\n{process.Output}");
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
