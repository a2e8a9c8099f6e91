using System.Net.Http.Headers;

namespace FaceGuard.Service.Tests;

internal static class TestData
{
    public static string Root => FaceGuard.Testing.RepositoryFiles.Data();

    public static string Photo(string name) => Path.Combine(Root, "images", "photos", name);

    public static byte[] PhotoBytes(string name) => File.ReadAllBytes(Photo(name));

    /// <summary>What curl -F "image=@file" sends.</summary>
    public static MultipartFormDataContent Form(byte[] bytes, string fileName = "photo.jpg", string field = "image", string mediaType = "image/jpeg")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new MultipartFormDataContent { { content, field, fileName } };
    }
}
