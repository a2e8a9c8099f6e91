using FaceGuard.Engine;

namespace FaceGuard.Service;

/// <summary>
/// What a request to an image endpoint asks for in its query string: the engine's options (<see cref="OptionsQuery"/>,
/// the one definition of their names and values) and, for /process, whether the answer is the image or, with
/// <c>format=json</c>, the faces found. An unknown option or value is a 400 that names the accepted ones.
/// </summary>
internal static class ProcessQuery
{
    private const string Json = "json";

    public static (AnonymizeOptions Options, bool Json) Parse(IQueryCollection query)
    {
        string format = query.TryGetValue("format", out var given) ? given.ToString() : "";
        if (format.Length > 0 && !new[] { "jpeg", "jpg", "png", Json }.Contains(format, StringComparer.OrdinalIgnoreCase))
            throw new BadRequestException("Invalid option", $"format '{format}' is not one of jpeg, png, json.");
        bool json = format.Equals(Json, StringComparison.OrdinalIgnoreCase);
        var pairs = query
            .Where(q => !(json && q.Key.Equals("format", StringComparison.OrdinalIgnoreCase)))
            .SelectMany(q => q.Value.Count == 0 ? [new KeyValuePair<string, string>(q.Key, "")] : q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")));
        try
        {
            return (OptionsQuery.Parse(pairs), json);
        }
        catch (InvalidOptionException e)
        {
            throw new BadRequestException("Invalid option", e.Message);
        }
    }
}
