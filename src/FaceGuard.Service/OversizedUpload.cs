namespace FaceGuard.Service;

/// <summary>
/// Larger uploads than the service takes. A client that is still sending its body when the service answers and closes
/// sees a connection reset, not the answer: a person uploading a 30 MB photo would read "network error" instead of
/// "larger than the 20 MB limit". So the service answers 413 first, then reads and discards the rest of the body, up
/// to <see cref="DrainLimitBytes"/> and for at most <see cref="DrainTime"/>, so the client can finish sending and read it.
/// </summary>
internal static class OversizedUpload
{
    /// <summary>The most the service reads of a body it refuses: beyond it the client does see a reset.</summary>
    public static long DrainLimitBytes(ServiceOptions options) => Math.Max(4 * options.MaxRequestBytes, 64L * 1024 * 1024);

    public static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(15);

    /// <summary>Whether the request declares a body larger than the service takes.</summary>
    public static bool Declared(HttpRequest request, ServiceOptions options) => request.ContentLength > options.MaxRequestBytes;

    public static async Task DrainAsync(HttpContext http, ServiceOptions options)
    {
        await http.Response.CompleteAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(DrainTime);
        var buffer = new byte[64 * 1024];
        try
        {
            while (await http.Request.Body.ReadAsync(buffer, timeout.Token) > 0)
            {
            }
        }
        catch (Exception e) when (e is OperationCanceledException or BadHttpRequestException or IOException)
        {
            // Past the drain limit, too slow or gone: the client sees the connection close, as before.
        }
    }
}

/// <summary>A request body that stops with <see cref="UploadTooLargeException"/> once more than the limit has been read.</summary>
internal sealed class BoundedBody(Stream inner, long limit) : Stream
{
    private long _read;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int count = await inner.ReadAsync(buffer, cancellationToken);
        Count(count);
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = inner.Read(buffer, offset, count);
        Count(read);
        return read;
    }

    private void Count(int read)
    {
        _read += read;
        if (_read > limit) throw new UploadTooLargeException();
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>The body turned out larger than the service takes (a chunked upload declares no length up front).</summary>
internal sealed class UploadTooLargeException() : Exception("The request body is larger than the limit.");
