using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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
    public static async Task<ChildProcess> StartAsync(string assembly, string readyPath, params string[] arguments)
    {
        int port = FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (string argument in arguments) start.ArgumentList.Add(argument.Replace("{port}", port.ToString()));
        // As the ./faceguard launcher runs the service (see README, "Memory").
        start.Environment["MALLOC_ARENA_MAX"] = "2";
        start.Environment["MALLOC_MMAP_THRESHOLD_"] = "131072";
        start.Environment["MALLOC_TRIM_THRESHOLD_"] = "131072";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
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
            if (process.HasExited) throw new InvalidOperationException($"{assembly} exited with {process.ExitCode}.");
            await Task.Delay(100);
        }
        process.Kill();
        throw new TimeoutException($"{assembly} did not become ready in 60 s.");
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
