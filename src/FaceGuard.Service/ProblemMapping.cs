using FaceGuard.Engine;
using Microsoft.AspNetCore.Diagnostics;

namespace FaceGuard.Service;

/// <summary>
/// The one place where failures become RFC 9457 problem responses: bad input is the client's to fix (4xx, with a
/// sentence saying what was wrong); anything else is ours (500, logged).
/// </summary>
internal static class ProblemMapping
{
    public static (int Status, string Title, string Detail) Describe(Exception exception, ServiceOptions options) => exception switch
    {
        EmptyImageException e => (400, "Empty image", e.Message),
        UnsupportedImageFormatException e => (400, "Unsupported image format", e.Message),
        CorruptImageException e => (400, "Damaged image", e.Message),
        ImageTooLargeException e => (400, "Image too large", e.Message),
        BadRequestException e => (e.Status, e.Title, e.Message),
        UploadTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (413, "Upload too large", $"The request body is larger than the {options.MaxRequestBytes / (1024.0 * 1024):0.#} MB limit."),
        BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
        _ => (500, "Internal error", "The service failed on this request; the error has been logged."),
    };
}

/// <summary>
/// Turns the client's mistakes into problem responses inside the endpoint, so metrics and logs still see which
/// endpoint answered 4xx (an exception handler middleware would run after the endpoint has been forgotten).
/// </summary>
internal sealed class ProblemFilter(ServiceOptions options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            if (OversizedUpload.Declared(http.Request, options)) throw new UploadTooLargeException();
            return await next(context);
        }
        catch (Exception e) when (e is FaceGuardException or BadRequestException or BadHttpRequestException or UploadTooLargeException)
        {
            var (status, title, detail) = ProblemMapping.Describe(e, options);
            http.RequestServices.GetRequiredService<ILogger<ProblemFilter>>().LogDebug("Refused a request on {Path}: {Title}", http.Request.Path, title);
            var problem = TypedResults.Problem(statusCode: status, title: title, detail: detail);
            if (e is not UploadTooLargeException) return problem;

            // Answer first, then let the client finish sending, so it reads the answer rather than a reset.
            await problem.ExecuteAsync(http);
            await OversizedUpload.DrainAsync(http, options);
            return Results.Empty;
        }
    }
}

/// <summary>Whatever escapes the endpoints: a 500 for our own bugs, logged, with a problem body all the same.</summary>
internal sealed class UnhandledExceptionHandler(IProblemDetailsService problems, ServiceOptions options, ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = ProblemMapping.Describe(exception, options);
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Path}", http.Request.Path);
        if (http.Response.HasStarted) return false;
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
