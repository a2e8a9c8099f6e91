using System.Net.Http.Headers;

namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>Request bodies as clients send them.</summary>
internal static class Uploads
{
    /// <summary>What curl -F "image=@file" sends.</summary>
    public static MultipartFormDataContent Form(byte[] bytes, string fileName = "photo.jpg", string field = "image", string mediaType = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new MultipartFormDataContent { { content, field, fileName } };
    }

    /// <summary>Bytes sent as they are, under a Content-Type given as raw text (it may be malformed on purpose), or none.</summary>
    public static HttpContent Raw(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
