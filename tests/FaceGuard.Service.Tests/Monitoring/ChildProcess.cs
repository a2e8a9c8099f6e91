using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace FaceGuard.Service.Tests.Monitoring;

/// <summary>Exit code and everything the program wrote, stdout and stderr interleaved as they arrived.</summary>
internal sealed record ProcessResult(int ExitCode, string Output);

/// <summary>
/// A program run as a child process: arguments passed as a list, stdout and stderr captured together, a one-shot run
/// bounded in time, and the process with its children killed when disposed, whatever happened.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    /// <summary>What to do when promtool or prometheus is missing.</summary>
    public const string PrometheusInstallHint =
        "It comes with Debian's prometheus package: run scripts/install-system-deps.sh test.";

    /// <summary>sh's exit code for a command it cannot find.</summary>
    public const int NotFoundExitCode = 127;

    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs "$0" "$@" and stops it when its stdin reaches end of file, which happens when this process closes the pipe
    /// or dies: a test host killed outright (no finally, no Dispose) leaves no server behind. Once the server has
    /// ended, its scratch folder goes too. The watcher writes to /dev/null so that it never holds the captured stdout
    /// and stderr open.
    /// </summary>
    private const string StopWhenStdinCloses = """
        exec 3<&0
        "$0" "$@" </dev/null &
        server=$!
        (cat <&3 >/dev/null 2>&1; kill $server 2>/dev/null) >/dev/null 2>&1 &
        exec 3<&-
        wait $server
        status=$?
        rm -rf -- "$SCRATCH_FOLDER"
        exit $status
        """;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _started;

    private ChildProcess(ProcessStartInfo info)
    {
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Runs the program to its end; kills it and throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    /// <param name="missingHint">Added to the error when the program is not installed.</param>
    public static async Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, string missingHint, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program, arguments) { WorkingDirectory = workingDirectory };
        await using var child = new ChildProcess(info);
        child.Start(missingHint);
        using var bound = new CancellationTokenSource(timeout);
        try
        {
            await child._process.WaitForExitAsync(bound.Token); // also waits until the output has been read to its end
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"'{program} {string.Join(' ', arguments)}' did not finish within {timeout.TotalSeconds:0} s. Output so far:\n{child.Output}");
        }
        return new ProcessResult(child._process.ExitCode, child.Output);
    }

    /// <summary>
    /// Starts a server in <paramref name="scratch"/>, its working folder, tied to this process: if this process dies
    /// without disposing it, the server is stopped and <paramref name="scratch"/> deleted anyway. Started through /bin/sh,
    /// so a missing program shows as <see cref="NotFoundExitCode"/>.
    /// </summary>
    public static ChildProcess StartServer(string program, IEnumerable<string> arguments, DirectoryInfo scratch)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = scratch.FullName,
            RedirectStandardInput = true, // never written; closed by Dispose, or by the kernel when this process dies
            Environment = { ["SCRATCH_FOLDER"] = scratch.FullName },
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(StopWhenStdinCloses);
        info.ArgumentList.Add(program); // $0
        foreach (string argument in arguments) info.ArgumentList.Add(argument);

        var child = new ChildProcess(info);
        child.Start(missingHint: "");
        return child;
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
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
