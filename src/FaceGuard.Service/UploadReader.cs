using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FaceGuard.Service;

/// <summary>One uploaded photo, held in memory only.</summary>
public sealed record Upload(string Name, byte[] Bytes);

/// <summary>
/// Reads photos from a request straight into memory — never to a temporary file, unlike ASP.NET's form binding —
/// from a multipart form field named "image" (what curl -F "image=@photo.jpg" sends) or from a raw image body.
/// </summary>
internal static class UploadReader
{
    public const string FieldName = "image";

    /// <summary>RFC 2046 allows 70 characters; ASP.NET's own form reading accepts 128. MultipartReader throws on
    /// boundaries that do not fit its buffer, so longer ones are refused here, as the client's mistake they are.</summary>
    public const int MaxBoundaryLength = 128;

    private const string HowToSend = "Send the photo as multipart/form-data in a field named 'image' " +
                                     "(curl -F \"image=@photo.jpg\" …) or as the raw body with Content-Type: image/jpeg.";

    public static async Task<List<Upload>> ReadAsync(HttpRequest request, ServiceOptions options, CancellationToken cancellationToken)
    {
        int maxImages = options.MaxBatchImages;
        var body = new BoundedBody(request.Body, options.MaxRequestBytes);
        string? contentType = request.ContentType;
        if (contentType is null)
            throw new BadRequestException("No photo", "The request has no body type. " + HowToSend);

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
            throw new BadRequestException("Unreadable Content-Type", $"The Content-Type '{contentType}' cannot be parsed. " + HowToSend);

        if (mediaType.MediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || mediaType.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            return [new Upload("body", await ReadAllAsync(body, cancellationToken))];

        if (!mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new BadRequestException("Wrong body type", $"A body of type '{mediaType.MediaType}' cannot carry a photo here. " + HowToSend);

        string boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value ?? "";
        if (boundary.Length == 0)
            throw new BadRequestException("Malformed form", "The multipart Content-Type has no boundary. " + HowToSend);
        if (boundary.Length > MaxBoundaryLength)
            throw new BadRequestException("Malformed form", $"The multipart boundary is {boundary.Length:N0} characters long; at most {MaxBoundaryLength} are accepted. " + HowToSend);

        var uploads = new List<Upload>();
        var otherFields = new List<string>();
        var reader = new MultipartReader(boundary, body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    continue;
                string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (!name.Equals(FieldName, StringComparison.Ordinal))
                {
                    otherFields.Add(name);
                    continue;
                }
                if (uploads.Count == maxImages)
                    throw new BadRequestException("Too many photos", $"At most {maxImages} photos can be sent in one request.", StatusCodes.Status413PayloadTooLarge);
                string fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? $"image-{uploads.Count + 1}";
                uploads.Add(new Upload(fileName, await ReadAllAsync(section.Body, cancellationToken)));
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            throw new BadRequestException("Malformed form", $"The multipart body could not be read ({e.Message}). " + HowToSend);
        }

        if (uploads.Count == 0)
        {
            string found = otherFields.Count == 0 ? "no fields at all" : "only " + string.Join(", ", otherFields.Select(f => $"'{f}'"));
            throw new BadRequestException("No photo", $"The form has no field named 'image' ({found}). " + HowToSend);
        }
        return uploads;
    }

    private static async Task<byte[]> ReadAllAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
