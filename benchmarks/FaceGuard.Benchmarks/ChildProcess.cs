using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FaceGuard.Engine;

namespace FaceGuard.Benchmarks;

/// <summary>A server started as its own process on a free loopback port, so its CPU and memory are its own.</summary>
internal sealed class ChildProcess : IDisposable
{
    private ChildProcess(Process process, Uri address)
    {
        Process = process;
        Address = address;
    }

    public Process Process { get; }
    public Uri Address { get; }

    /// <param name="assembly">A .NET program beside this one, started with the dotnet host.</param>
    public static Task<ChildProcess> StartDotnetAsync(string assembly, string readyPath, params string[] arguments) =>
        StartAsync("dotnet", readyPath, [Path.Combine(AppContext.BaseDirectory, assembly), .. arguments], _ => new Dictionary<string, string>(), withFaceGuardMemorySettings: true);

    /// <param name="arguments">"{port}" in an argument becomes the chosen port.</param>
    /// <param name="environment">Variables for the child, given the chosen port.</param>
    /// <param name="withFaceGuardMemorySettings">Start it with the allocator settings of the ./faceguard launcher
    /// (<see cref="NativeMemory.LauncherEnvironment"/>); off for programs that are not ours.</param>
    public static async Task<ChildProcess> StartAsync(string program, string readyPath, string[] arguments,
        Func<int, IReadOnlyDictionary<string, string>> environment, bool withFaceGuardMemorySettings)
    {
        int port = FreePort();
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument.Replace("{port}", port.ToString()));
        if (withFaceGuardMemorySettings)
            foreach (var (name, value) in NativeMemory.LauncherEnvironment) start.Environment[name] = value;
        foreach (var (name, value) in environment(port)) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var address = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (int attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                if ((await client.GetAsync(new Uri(address, readyPath))).IsSuccessStatusCode) return new ChildProcess(process, address);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (process.HasExited) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}.");
            await Task.Delay(100);
        }
        process.Kill();
        throw new TimeoutException($"{program} did not become ready in 60 s.");
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
