using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>
/// A multipart upload whose second half is only sent once the test releases it: a request that is certainly still in
/// flight, whatever the timing, until the test says so.
/// </summary>
internal sealed class HeldBackContent : HttpContent
{
    private const string Boundary = "held-back";
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _photo;
    private readonly string _fileName;

    public HeldBackContent(byte[] photo, string fileName)
    {
        _photo = photo;
        _fileName = fileName;
        Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
    }

    /// <summary>Completes once the first half has been written to the connection.</summary>
    public Task HalfSent => _halfSent.Task;

    public void Release() => _release.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"{_fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        await stream.WriteAsync(_photo.AsMemory(0, _photo.Length / 2));
        await stream.FlushAsync();
        _halfSent.TrySetResult();
        await _release.Task;
        await stream.WriteAsync(_photo.AsMemory(_photo.Length / 2));
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
