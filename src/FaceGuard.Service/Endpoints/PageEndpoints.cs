namespace FaceGuard.Service.Endpoints;

/// <summary>GET /: the upload page, plain HTML and JavaScript embedded in the assembly, no CDN.</summary>
internal static class PageEndpoints
{
    public static void MapPage(this WebApplication app, ServiceOptions options)
    {
        // The page checks a photo's size before sending it, against the limit this service was started with.
        byte[] page = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(ReadResource("index.html"))
            .Replace("{{MAX_UPLOAD_BYTES}}", options.MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
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
