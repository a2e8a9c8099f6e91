using System.Security.Cryptography;
using System.Text;

namespace FaceGuard.Service;

/// <summary>When an API key is configured, image endpoints require it in X-Api-Key (compared in constant time).</summary>
internal sealed class ApiKeyFilter(string? apiKey) : IEndpointFilter
{
    public const string Header = "X-Api-Key";
    private readonly byte[]? _expected = string.IsNullOrEmpty(apiKey) ? null : Encoding.UTF8.GetBytes(apiKey);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_expected is null) return next(context);
        string given = context.HttpContext.Request.Headers[Header].ToString();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _expected)) return next(context);
        return ValueTask.FromResult<object?>(TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API key required",
            detail: $"This service requires its API key in the {Header} header."));
    }
}
