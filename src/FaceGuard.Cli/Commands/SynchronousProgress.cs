namespace FaceGuard.Cli.Commands;

/// <summary>IProgress that reports on the calling thread: Spectre's progress task is thread-safe, a Progress&lt;T&gt; would post to the thread pool.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
