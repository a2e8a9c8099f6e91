using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCvSharp;

namespace FaceGuard.Service.Tests;

/// <summary>The curl-equivalent round trips against the real service on loopback.</summary>
public class ProcessEndpointTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Curl_style_upload_returns_a_jpeg_with_the_faces_blurred()
    {
        // curl -X POST http://localhost:8080/process -F "image=@photo.jpg" -o out.jpg
        byte[] photo = TestData.PhotoBytes("sample4.jpg");
        using var response = await _client.PostAsync("/process", TestData.Form(photo));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        byte[] output = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8, 0xFF], output[..3]);

        Assert.True(int.Parse(response.Headers.GetValues("X-Faces").Single()) >= 4);
        Assert.Equal("1920x1448", response.Headers.GetValues("X-Image-Size").Single());
        string timing = response.Headers.GetValues("Server-Timing").Single();
        foreach (string stage in new[] { "decode", "detect", "mask", "encode" }) Assert.Contains(stage + ";dur=", timing);

        // Each labelled face is blurred: the detail (Laplacian variance) of its eyes, nose and mouth collapses.
        using var before = Cv2.ImDecode(photo, ImreadModes.Grayscale);
        using var after = Cv2.ImDecode(output, ImreadModes.Grayscale);
        foreach (var face in new[] { new Rect(281, 232, 177, 177), new Rect(654, 127, 171, 171), new Rect(950, 221, 191, 191), new Rect(1256, 194, 174, 174) })
        {
            var features = new Rect(face.X + face.Width / 5, face.Y + face.Height / 5, face.Width * 3 / 5, face.Height * 3 / 5);
            double sharpBefore = Sharpness(before[features]), sharpAfter = Sharpness(after[features]);
            Assert.True(sharpAfter < 0.15 * sharpBefore, $"face at {face}: sharpness {sharpBefore:0} → {sharpAfter:0}");
        }
    }

    [Fact]
    public async Task Json_format_returns_the_detections_without_an_image()
    {
        using var response = await _client.PostAsync("/process?format=json", TestData.Form(TestData.PhotoBytes("sample1.jpg")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1920, json.RootElement.GetProperty("width").GetInt32());
        var faces = json.RootElement.GetProperty("faces").EnumerateArray().ToList();
        Assert.True(faces.Count >= 3);
        Assert.All(faces, f => Assert.Equal(5, f.GetProperty("keypoints").GetArrayLength())); // YuNet: eyes, nose tip, mouth corners
        // The woman on the right (labelled 1466,244 180x180) is among them.
        Assert.Contains(faces, f => Math.Abs(f.GetProperty("x").GetSingle() - 1466) < 40 && Math.Abs(f.GetProperty("y").GetSingle() - 244) < 40);
        Assert.True(json.RootElement.GetProperty("timings").GetProperty("detectMs").GetDouble() > 0);
    }

    [Fact]
    public async Task Detect_endpoint_answers_like_format_json()
    {
        var photo = TestData.PhotoBytes("sample4.jpg");
        var fromDetect = await (await _client.PostAsync("/detect?sensitivity=normal", TestData.Form(photo))).Content.ReadFromJsonAsync<JsonElement>();
        var fromProcess = await (await _client.PostAsync("/process?sensitivity=normal&format=json", TestData.Form(photo))).Content.ReadFromJsonAsync<JsonElement>();

        var detected = fromDetect.GetProperty("faces");
        Assert.Equal(4, detected.GetArrayLength()); // the four women of sample4
        Assert.Equal(detected.GetRawText(), fromProcess.GetProperty("faces").GetRawText());
        Assert.Equal(fromDetect.GetProperty("width").GetInt32(), fromProcess.GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task Png_format_and_options_are_honoured()
    {
        using var response = await _client.PostAsync("/process?format=png&mode=solid&box=true", TestData.Form(TestData.PhotoBytes("astronaut.png"), "a.png", mediaType: "image/png"));

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var image = Cv2.ImDecode(await response.Content.ReadAsByteArrayAsync(), ImreadModes.Color);
        // Solid mode: the centre of the face (labelled 171,66 106x106) is black; the box is green.
        Assert.Equal(new Vec3b(0, 0, 0), image.At<Vec3b>(66 + 53, 171 + 53));
    }

    [Fact]
    public async Task Raw_image_body_is_accepted_too()
    {
        var content = new ByteArrayContent(TestData.PhotoBytes("messi5.jpg"));
        content.Headers.ContentType = new("image/jpeg");
        using var response = await _client.PostAsync("/process", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Batch_returns_a_zip_with_each_masked_photo_and_a_manifest()
    {
        var form = new MultipartFormDataContent();
        foreach (string name in new[] { "astronaut.png", "sample2.jpg", "building.jpg" })
            form.Add(new ByteArrayContent(TestData.PhotoBytes(name)), "image", name);

        using var response = await _client.PostAsync("/process/batch", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["001-astronaut.jpg", "002-sample2.jpg", "003-building.jpg", "faces.json"], zip.Entries.Select(e => e.FullName));
        using var manifest = JsonDocument.Parse(zip.GetEntry("faces.json")!.Open());
        var entries = manifest.RootElement.EnumerateArray().ToList();
        Assert.Equal("sample2.jpg", entries[1].GetProperty("upload").GetString());
        Assert.True(entries[1].GetProperty("faces").GetArrayLength() >= 3);
        Assert.Equal(0, entries[2].GetProperty("faces").GetArrayLength());
    }

    [Fact]
    public async Task Upload_page_is_served_without_external_scripts()
    {
        string page = await _client.GetStringAsync("/");
        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", page, StringComparison.OrdinalIgnoreCase);
    }

    private static double Sharpness(Mat gray)
    {
        using var laplacian = gray.Laplacian(MatType.CV_64F);
        Cv2.MeanStdDev(laplacian, out _, out var std);
        return std.Val0 * std.Val0;
    }
}
