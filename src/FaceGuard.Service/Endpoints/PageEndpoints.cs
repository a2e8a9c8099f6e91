namespace FaceGuard.Service.Endpoints;

/// <summary>GET /: the upload page, plain HTML and JavaScript embedded in the assembly, no CDN.</summary>
internal static class PageEndpoints
{
    public static void MapPage(this WebApplication app)
    {
        byte[] page = ReadResource("index.html");
        app.MapGet("/", () => TypedResults.Bytes(page, "text/html; charset=utf-8")).ExcludeFromDescription();
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream($"FaceGuard.Service.wwwroot.{name}")
            ?? throw new InvalidOperationException($"wwwroot/{name} is not embedded in the service assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
