using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FaceGuard.Testing;

/// <summary>Exit code and what a program wrote: stdout, stderr, and both interleaved as they arrived.</summary>
internal sealed record ProcessResult(int ExitCode, string StdOut, string StdErr, string Output)
{
    /// <summary>The end of the output, for an assertion message.</summary>
    public string Tail(int chars = 4000) => Output.Length <= chars ? Output : "…" + Output[^chars..];
}

/// <summary>
/// A program run as a child of the tests (or of the benchmarks, which link this file): arguments passed as a list,
/// output captured, every wait bounded, and the process with its children killed when disposed, whatever happened.
/// Two shapes: <see cref="RunAsync"/> runs a command to its end; <see cref="StartServer"/> starts a server tied to
/// this process, so that a test host killed outright (no finally, no Dispose) leaves no server behind.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    /// <summary>sh's exit code for a command it cannot find.</summary>
    public const int NotFoundExitCode = 127;

    private const string PidLinePrefix = "child-pid: ";
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs "$0" "$@" in the background, says its PID, and stops it (SIGTERM) when this wrapper's stdin reaches end of
    /// file — when this process closes the pipe or dies. Then the scratch folder, if any, goes too. The watcher writes
    /// to /dev/null so that it never holds the captured stdout and stderr open. Exits with the server's exit code.
    /// </summary>
    private const string StopWhenStdinCloses = """
        exec 3<&0
        "$0" "$@" </dev/null &
        server=$!
        echo "child-pid: $server"
        (cat <&3 >/dev/null 2>&1; kill $server 2>/dev/null) >/dev/null 2>&1 &
        exec 3<&-
        wait $server
        status=$?
        [ -n "$SCRATCH_FOLDER" ] && rm -rf -- "$SCRATCH_FOLDER"
        exit $status
        """;

    private readonly Process _process;
    private readonly Action<string>? _onLine;
    private readonly bool _announcesPid;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _serverPid = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _started;

    private ChildProcess(ProcessStartInfo info, IReadOnlyDictionary<string, string>? environment, Action<string>? onLine, bool announcesPid)
    {
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        // A `dotnet test` run hands its MSBuild settings down through the environment; a nested dotnet build, pack or
        // dotnet-repl must not build with them.
        foreach (string name in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(name);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;

        _onLine = onLine;
        _announcesPid = announcesPid;
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Append(e.Data, _stdout);
        _process.ErrorDataReceived += (_, e) => Append(e.Data, _stderr);
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>stdout and stderr so far, interleaved as they arrived.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The server's own process id (not the shell around it), once it has started: the one to sample or signal.</summary>
    public Task<int> ServerPid => _serverPid.Task;

    /// <summary>Runs the program to its end; kills it and throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    /// <param name="missingHint">Added to the error when the program is not installed.</param>
    public static async Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, string missingHint = "")
    {
        var info = new ProcessStartInfo(program, arguments) { WorkingDirectory = workingDirectory };
        await using var child = new ChildProcess(info, environment, onLine: null, announcesPid: false);
        child.Start(missingHint);
        using var bound = new CancellationTokenSource(timeout);
        try
        {
            await child._process.WaitForExitAsync(bound.Token); // also waits until the output has been read to its end
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"'{program} {string.Join(' ', info.ArgumentList)}' did not finish within {timeout.TotalSeconds:0} s. "
                + $"Output so far:\n{child.Result().Tail()}");
        }
        return child.Result();
    }

    /// <summary>
    /// Starts a server tied to this process (see <see cref="StopWhenStdinCloses"/>). Started through /bin/sh, so a
    /// missing program shows as <see cref="NotFoundExitCode"/>.
    /// </summary>
    /// <param name="scratch">A folder of the server's to delete once it has ended, even if this process died.</param>
    /// <param name="onLine">Called with each line the server writes, stdout or stderr, as it arrives.</param>
    public static ChildProcess StartServer(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, DirectoryInfo? scratch = null, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true, // never written; closed by Dispose, or by the kernel when this process dies
            Environment = { ["SCRATCH_FOLDER"] = scratch?.FullName ?? "" },
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(StopWhenStdinCloses);
        info.ArgumentList.Add(program); // $0
        foreach (string argument in arguments) info.ArgumentList.Add(argument);

        var child = new ChildProcess(info, environment, onLine, announcesPid: true);
        child.Start(missingHint: "");
        return child;
    }

    /// <summary>Waits for the end of the process and of its output; its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_started)
        {
            _process.Dispose();
            return;
        }
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        using var bound = new CancellationTokenSource(ExitWait);
        try
        {
            await _process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed but not reaped within the bound; nothing more a test can do.
        }
        _serverPid.TrySetCanceled();
        _process.Dispose();
    }

    private void Start(string missingHint)
    {
        try
        {
            _process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"'{_process.StartInfo.FileName}' could not be started: {e.Message}. {missingHint}", e);
        }
        _started = true;
        if (_announcesPid)
        {
            _process.EnableRaisingEvents = true;
            _process.Exited += (_, _) => _serverPid.TrySetException(new InvalidOperationException($"It exited before it started. Its output:\n{Output}"));
        }
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line, StringBuilder stream)
    {
        if (line is null) return;
        if (_announcesPid && line.StartsWith(PidLinePrefix, StringComparison.Ordinal) &&
            int.TryParse(line.AsSpan(PidLinePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) &&
            _serverPid.TrySetResult(pid))
            return;
        lock (_output)
        {
            stream.AppendLine(line);
            _output.AppendLine(line);
        }
        _onLine?.Invoke(line);
    }

    private ProcessResult Result()
    {
        lock (_output) return new ProcessResult(_process.HasExited ? _process.ExitCode : -1, _stdout.ToString(), _stderr.ToString(), _output.ToString());
    }
}
