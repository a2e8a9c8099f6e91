using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace FaceGuard.Analysis.LoadTests;

/// <summary>
/// One Locust process (master or worker): its output goes to a log file, and the locustfile's
/// "faceguard-rows-sent &lt;worker&gt; &lt;n&gt;" lines are collected. Stopping asks politely (SIGTERM, on which Locust
/// writes its statistics and tells its workers to quit), then kills the whole tree.
/// </summary>
internal sealed class LocustProcess : IDisposable
{
    private const string RowsSentMarker = "faceguard-rows-sent ";

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly ConcurrentQueue<string> _lastLines = new();
    private bool _closed;

    private LocustProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public string Role { get; private init; } = "";

    /// <summary>Rows each worker said it handed to a report, by worker id (workers only).</summary>
    public ConcurrentDictionary<string, int> RowsSent { get; } = new();

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static LocustProcess Start(string role, string locustPath, IEnumerable<string> arguments, string logPath)
    {
        var start = new ProcessStartInfo(locustPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        // Locust's Python must not pick up a virtual environment's packages or buffer its log.
        start.Environment["PYTHONUNBUFFERED"] = "1";
        start.Environment.Remove("PYTHONPATH");
        start.Environment.Remove("PYTHONHOME");
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {locustPath}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            log.Dispose();
            throw new FileNotFoundException($"Locust is not at {locustPath} (Debian: apt-get install python3-locust): {e.Message}", locustPath, e);
        }
        var locust = new LocustProcess(process, log) { Role = role };
        process.OutputDataReceived += (_, e) => locust.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => locust.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return locust;
    }

    /// <summary>True when the process ended within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await _process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
            await _process.WaitForExitAsync(CancellationToken.None); // the output handlers have run
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, as Ctrl+C in a terminal would: Locust stops, writes its files and exits.</summary>
    public void Terminate()
    {
        if (!_process.HasExited) SendTerm(_process.Id);
    }

    public void KillTree()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it ended meanwhile
        }
    }

    /// <summary>The last lines it printed, for an error message.</summary>
    public string Tail() => string.Join("\n", _lastLines);

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            if (!_closed) _log.WriteLine(line);
        }
        _lastLines.Enqueue(line);
        while (_lastLines.Count > 15) _lastLines.TryDequeue(out _);
        int marker = line.IndexOf(RowsSentMarker, StringComparison.Ordinal);
        if (marker < 0) return;
        var parts = line[(marker + RowsSentMarker.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int sent)) RowsSent[parts[0]] = sent;
    }

    public void Dispose()
    {
        KillTree();
        _process.Dispose();
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private static void SendTerm(int pid)
    {
        // .NET can only kill; kill(1) asks.
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        kill?.WaitForExit(TimeSpan.FromSeconds(5));
    }
}
