namespace FaceGuard.Service;

/// <summary>A request the service cannot use, with what a person needs to fix it. Mapped to a problem response.</summary>
public sealed class BadRequestException(string title, string detail, int status = StatusCodes.Status400BadRequest) : Exception(detail)
{
    public string Title { get; } = title;
    public int Status { get; } = status;
}
