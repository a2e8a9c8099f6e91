namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>Waiting on a condition, polled, bounded by a token: never a sleep that hopes something has happened.</summary>
internal static class Wait
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, CancellationToken within, Func<string>? diagnostics = null)
    {
        try
        {
            while (!await condition()) await Task.Delay(PollInterval, within);
        }
        catch (OperationCanceledException) when (within.IsCancellationRequested)
        {
            throw new TimeoutException($"Gave up waiting until {what}." + (diagnostics is null ? "" : "\n" + diagnostics()));
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, CancellationToken within, Func<string>? diagnostics = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, within, diagnostics);
}
