using FaceGuard.Engine;
using Microsoft.AspNetCore.Diagnostics;

namespace FaceGuard.Service;

/// <summary>
/// The one place where failures become RFC 9457 problem responses: bad input is the client's to fix (4xx, with a
/// sentence saying what was wrong); anything else is ours (500, logged).
/// </summary>
internal sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            EmptyImageException e => (400, "Empty image", e.Message),
            UnsupportedImageFormatException e => (400, "Unsupported image format", e.Message),
            CorruptImageException e => (400, "Damaged image", e.Message),
            ImageTooLargeException e => (400, "Image too large", e.Message),
            BadRequestException e => (e.Status, e.Title, e.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "Upload too large",
                $"The request body is larger than the {http.RequestServices.GetRequiredService<ServiceOptions>().MaxRequestBytes / (1024 * 1024)} MB limit."),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            _ => (500, "Internal error", "The service failed on this request; the error has been logged."),
        };
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Path}", http.Request.Path);
        else logger.LogDebug("Refused a request on {Path}: {Title}", http.Request.Path, title);

        if (http.Response.HasStarted) return false;
        http.Response.Clear();
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
