namespace FaceGuard.Cli.Commands;

/// <summary>
/// Ctrl+C stops a run rather than the program: the token is cancelled and the run keeps what was measured, so the log
/// and report are still written. Create it before the first line is printed, so whoever waits for output before
/// pressing Ctrl+C cannot kill the run.
/// </summary>
internal sealed class CtrlCStop : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly ConsoleCancelEventHandler _onCancel;

    public CtrlCStop(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _onCancel = (_, e) =>
        {
            e.Cancel = true;
            _stop.Cancel();
        };
        Console.CancelKeyPress += _onCancel;
    }

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= _onCancel;
        _stop.Dispose();
    }
}
