using Microsoft.AspNetCore.RateLimiting;

namespace FaceGuard.Service;

/// <summary>What a client hears when every slot and every queue place is taken: 503 now, not a timeout later.</summary>
internal static class Overload
{
    public static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<ServiceOptions>();
        http.RequestServices.GetRequiredService<ServiceMetrics>().Rejected.Inc();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is busy",
                Detail = $"All {options.MaxConcurrency} processing slots and {options.QueueLimit} queue places are taken. " +
                         $"Retry after {options.RetryAfterSeconds} s.",
            },
        });
    }
}
