using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FaceGuard.Service.Tests;

/// <summary>Every kind of bad upload gets a 4xx problem a person can act on, and the service keeps serving.</summary>
public class BadInputTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private readonly HttpClient _client = fixture.Client;

    public static TheoryData<string, Func<HttpContent>, int, string> Cases => new()
    {
        { "empty upload (the users' warm-up posts an empty empty.jpg)", () => TestData.Form([], "empty.jpg"), 400, "empty" },
        { "truncated JPEG", () => TestData.Form(TestData.PhotoBytes("sample3.jpg")[..50_000]), 400, "ends early" },
        { "text file named .jpg", () => TestData.Form("just some text\n"u8.ToArray(), "notes.jpg"), 400, "text, not an image" },
        { "GIF", () => TestData.Form("GIF89a\u0001\u0000\u0001\u0000"u8.ToArray(), "a.gif"), 400, "GIF" },
        { "wrong field name", () => TestData.Form(TestData.PhotoBytes("astronaut.png"), "a.png", field: "file"), 400, "no field named 'image' (only 'file')" },
        { "no body at all", () => new ByteArrayContent([]), 400, "no body type" },
        { "plain text body", () => new StringContent("hello"), 400, "text/plain" },
        { "multipart without boundary", () => WithContentType(new ByteArrayContent("--x\r\n"u8.ToArray()), "multipart/form-data"), 400, "no boundary" },
        { "two photos on /process", () => TwoPhotos(), 400, "/process/batch" },
        { "huge declared dimensions", () => TestData.Form(PngDeclaring(60_000, 60_000), "bomb.png", mediaType: "image/png"), 400, "megapixels" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_upload_gets_a_clear_problem_and_the_service_keeps_serving(string name, Func<HttpContent> content, int status, string detail)
    {
        using var response = await _client.PostAsync("/process", content());

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), name);

        using var after = await _client.PostAsync("/process?sensitivity=normal", TestData.Form(TestData.PhotoBytes("astronaut.png"), "a.png", mediaType: "image/png"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("mode=pixelate", "mode 'pixelate' is not one of blur, mosaic, solid")]
    [InlineData("sensitivity=max", "sensitivity 'max' is not one of normal, high")]
    [InlineData("threshold=2", "between 0 and 1")]
    [InlineData("threshold=abc", "not a number")]
    [InlineData("format=gif", "not one of jpeg, png, json")]
    [InlineData("quality=0", "between 1 and 100")]
    [InlineData("sensitivty=high", "Unknown option 'sensitivty'. The options are: model, sensitivity")]
    [InlineData("model=retina", "model 'retina' is not one of yunet, blazeface, blazeface-short")]
    [InlineData("mode=blur&mode=mosaic", "given more than once")]
    public async Task Invalid_options_are_refused_with_what_is_accepted(string query, string detail)
    {
        using var response = await _client.PostAsync("/process?" + query, TestData.Form(TestData.PhotoBytes("astronaut.png")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_oversized_upload_gets_its_413_even_while_the_client_is_still_sending()
    {
        // 8 MB against a 100 KB limit, without Expect: 100-continue (as browsers and most scripts send): the service
        // answers before the body is read. Without draining, the client saw a reset instead of this answer, sometimes.
        await using var small = await RunningService.StartReadyAsync(("FaceGuard:MaxRequestBytes", "100000"));
        var photo = new byte[8 * 1024 * 1024];
        new Random(3).NextBytes(photo);
        for (int attempt = 0; attempt < 5; attempt++)
        {
            using var response = await small.Client.PostAsync("/process", TestData.Form(photo));

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("larger than the 0.1 MB limit", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_chunked_upload_that_grows_past_the_limit_gets_413()
    {
        await using var small = await RunningService.StartReadyAsync(("FaceGuard:MaxRequestBytes", "100000"));
        var form = TestData.Form(TestData.PhotoBytes("sample1.jpg"));
        var chunked = new StreamContent(await form.ReadAsStreamAsync()); // no Content-Length: sent chunked
        chunked.Headers.ContentType = form.Headers.ContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/process") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;

        using var response = await small.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_batch_names_the_photo_that_failed()
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestData.PhotoBytes("astronaut.png")), "image", "good.png" },
            { new ByteArrayContent("nope"u8.ToArray()), "image", "bad.jpg" },
        };
        using var response = await _client.PostAsync("/process/batch", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Photo 2 ('bad.jpg')", await response.Content.ReadAsStringAsync());
    }

    private static HttpContent WithContentType(HttpContent content, string mediaType)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static HttpContent TwoPhotos()
    {
        var form = TestData.Form(TestData.PhotoBytes("astronaut.png"), "a.png");
        form.Add(new ByteArrayContent(TestData.PhotoBytes("astronaut.png")), "image", "b.png");
        return form;
    }

    /// <summary>A real 8x8 PNG whose header claims another size: a decompression bomb's shape.</summary>
    private static byte[] PngDeclaring(int width, int height)
    {
        using var tiny = new OpenCvSharp.Mat(8, 8, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.All(0));
        OpenCvSharp.Cv2.ImEncode(".png", tiny, out var png);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        return png;
    }
}
