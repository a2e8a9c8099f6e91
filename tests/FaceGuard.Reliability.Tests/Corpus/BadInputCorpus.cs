using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using FaceGuard.Reliability.Tests.Infrastructure;
using OpenCvSharp;

namespace FaceGuard.Reliability.Tests.Corpus;

/// <summary>What a bad input may get: refused (4xx), or — when the damage may leave a decodable image — also 200.</summary>
public enum Expect
{
    Refused,
    RefusedOrDecoded,
}

/// <summary>One bad request: where it goes, what it carries, what it may get back.</summary>
/// <param name="Status">The exact 4xx expected, when one is; otherwise any 4xx.</param>
public sealed record BadInput(string Category, string Name, string Path, Func<HttpContent> Content, Expect Expect, int? Status = null)
{
    public HttpMethod Method { get; init; } = HttpMethod.Post;

    public override string ToString() => $"{Category}: {Name} → {Method} {Path}";
}

/// <summary>
/// A deterministic (seeded) corpus of bad uploads: every seed photo truncated at many offsets and with flipped bytes,
/// headers declaring huge or impossible sizes, real decompression bombs, files that are not images under image names,
/// and malformed multipart requests. Built fresh each run; the same seed gives the same bytes.
/// </summary>
public static class BadInputCorpus
{
    public const int Seed = 7_2024;

    /// <summary>Body limit of the service the corpus is run against; the oversized cases are just above it.</summary>
    public const long MaxRequestBytes = 2 * 1024 * 1024;

    public const int FlipsPerSeed = 24;
    public const int HeaderFlipsPerSeed = 12;

    public static readonly string[] ImageEndpoints = ["/process", "/detect", "/process/batch"];

    public static IReadOnlyList<BadInput> Build()
    {
        var random = new Random(Seed);
        var corpus = new List<BadInput>();
        foreach (var seed in SeedPhotos.All)
        {
            foreach (int length in TruncationLengths(seed.Bytes.Length, random))
                AddImage(corpus, "truncated", $"{seed.Name} cut to {length:N0} of {seed.Bytes.Length:N0} bytes", seed.Bytes[..length], Expect.Refused, allEndpoints: true);
            for (int i = 0; i < FlipsPerSeed; i++)
                AddImage(corpus, "flipped bytes", Flip(seed, random, 0, seed.Bytes.Length, out var flipped), flipped, Expect.RefusedOrDecoded);
            for (int i = 0; i < HeaderFlipsPerSeed; i++)
                AddImage(corpus, "flipped header bytes", Flip(seed, random, 0, Math.Min(seed.Bytes.Length, 256), out var flipped), flipped, Expect.RefusedOrDecoded);
        }
        AddDeclaredSizes(corpus);
        AddBombs(corpus);
        AddNotImages(corpus, random);
        AddMalformedRequests(corpus, random);
        return corpus;
    }

    /// <summary>Every offset in the first 40 bytes (where the signatures and headers are), 40 spread over the file,
    /// the last few bytes, and 10 at random.</summary>
    private static SortedSet<int> TruncationLengths(int length, Random random)
    {
        var lengths = new SortedSet<int>(Enumerable.Range(1, 40));
        for (int k = 1; k < 40; k++) lengths.Add((int)((long)length * k / 40));
        foreach (int back in (int[])[1, 2, 3, 4, 8, 16]) lengths.Add(length - back);
        for (int i = 0; i < 10; i++) lengths.Add(random.Next(1, length));
        lengths.RemoveWhere(l => l <= 0 || l >= length);
        return lengths;
    }

    private static string Flip(SeedPhoto seed, Random random, int from, int to, out byte[] flipped)
    {
        flipped = (byte[])seed.Bytes.Clone();
        int count = random.Next(1, 9);
        var positions = new List<int>();
        for (int i = 0; i < count; i++)
        {
            int at = random.Next(from, to);
            flipped[at] ^= (byte)random.Next(1, 256);
            positions.Add(at);
        }
        return $"{seed.Name} with {count} byte(s) changed at {string.Join(", ", positions.Order())}";
    }

    private static void AddDeclaredSizes(List<BadInput> corpus)
    {
        using var tiny = new Mat(8, 8, MatType.CV_8UC3, Scalar.All(90));
        byte[] png = SeedPhotos.Encode(tiny, ".png");
        byte[] jpeg = SeedPhotos.Encode(tiny, ".jpg");
        byte[] lossless = SeedPhotos.Encode(tiny, ".webp", (int)ImwriteFlags.WebPQuality, 101);
        byte[] lossy = SeedPhotos.Encode(tiny, ".webp", (int)ImwriteFlags.WebPQuality, 80);

        foreach (var (w, h) in new (uint, uint)[] { (60_000, 60_000), (30_000, 30_000), (int.MaxValue, 1), (1, int.MaxValue), (0x8000_0000, 0x8000_0000), (0, 0), (0, 8), (8, 0) })
            AddImage(corpus, "declared size", $"PNG declaring {w}x{h}", PngDeclaring(png, w, h), Expect.Refused, allEndpoints: true);
        // Within the 50-megapixel limit, with the data of 8x8: the decoder must fail (or fill), not fault.
        AddImage(corpus, "declared size", "PNG declaring 7000x7000 with 8x8 of data", PngDeclaring(png, 7000, 7000), Expect.RefusedOrDecoded);

        foreach (var (w, h) in new (int, int)[] { (30_000, 30_000), (60_000, 60_000), (65_535, 65_535), (0, 0), (0, 8), (8, 0) })
            AddImage(corpus, "declared size", $"JPEG declaring {w}x{h}", JpegDeclaring(jpeg, w, h), Expect.Refused, allEndpoints: true);
        AddImage(corpus, "declared size", "JPEG declaring 7000x7000 with 8x8 of data", JpegDeclaring(jpeg, 7000, 7000), Expect.RefusedOrDecoded);

        AddImage(corpus, "declared size", "WebP (VP8L) declaring 16384x16384", WebPLosslessDeclaring(lossless, 16_384, 16_384), Expect.Refused, allEndpoints: true);
        AddImage(corpus, "declared size", "WebP (VP8) declaring 16383x16383", WebPLossyDeclaring(lossy, 16_383, 16_383), Expect.Refused, allEndpoints: true);
        AddImage(corpus, "declared size", "WebP (VP8X) declaring 16777216x16777216", WebPExtendedDeclaring(16_777_216, 16_777_216), Expect.Refused, allEndpoints: true);
        AddImage(corpus, "declared size", "WebP (VP8L) declaring 5000x5000 with 8x8 of data", WebPLosslessDeclaring(lossless, 5000, 5000), Expect.RefusedOrDecoded);
    }

    /// <summary>Real decompression bombs: tiny files that decode to tens of megapixels. Above the limit they are
    /// refused from the header; just below it they must be decoded and answered, not crash the service.</summary>
    private static void AddBombs(List<BadInput> corpus)
    {
        using (var huge = new Mat(8_000, 8_000, MatType.CV_8UC1, Scalar.All(0))) // 64 MP, above the 50 MP limit
        {
            byte[] png = SeedPhotos.Encode(huge, ".png", (int)ImwriteFlags.PngCompression, 9);
            AddImage(corpus, "decompression bomb", $"PNG of 8000x8000 black pixels in {png.Length:N0} bytes", png, Expect.Refused, allEndpoints: true, status: 400);
        }
        using (var big = new Mat(7_000, 7_000, MatType.CV_8UC1, Scalar.All(0))) // 49 MP, just below
        {
            byte[] png = SeedPhotos.Encode(big, ".png", (int)ImwriteFlags.PngCompression, 9);
            AddImage(corpus, "decompression bomb", $"PNG of 7000x7000 black pixels in {png.Length:N0} bytes", png, Expect.RefusedOrDecoded);
        }
    }

    private static void AddNotImages(List<BadInput> corpus, Random random)
    {
        AddImage(corpus, "zero-length", "empty file named photo.jpg", [], Expect.Refused, allEndpoints: true, status: 400);
        var files = new (string Name, byte[] Bytes)[]
        {
            ("notes.txt named photo.jpg", "These are not the pixels you are looking for.\n"u8.ToArray()),
            ("HTML named photo.png", "<!doctype html><html><body><img src=x onerror=alert(1)></body></html>"u8.ToArray()),
            ("JSON named photo.webp", """{"image": "not really"}"""u8.ToArray()),
            ("SVG named photo.jpg", """<svg xmlns="http://www.w3.org/2000/svg" width="60000" height="60000"/>"""u8.ToArray()),
            ("GIF", "GIF89a\x01\x00\x01\x00\x00\x00\x00;"u8.ToArray()),
            ("BMP", [(byte)'B', (byte)'M', .. new byte[60]]),
            ("TIFF", [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, .. new byte[32]]),
            ("PDF", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8.ToArray()),
            ("ZIP", [0x50, 0x4B, 0x03, 0x04, .. new byte[26]]),
            ("HEIC", [0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'h', (byte)'e', (byte)'i', (byte)'c', .. new byte[12]]),
            ("RIFF WAVE", [.. "RIFF"u8, 36, 0, 0, 0, .. "WAVEfmt "u8, .. new byte[24]]),
            ("JPEG signature only", [0xFF, 0xD8, 0xFF]),
            ("JPEG start and end of image only", [0xFF, 0xD8, 0xFF, 0xD9]),
            ("PNG signature only", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            ("WebP header only", [.. "RIFF"u8, 4, 0, 0, 0, .. "WEBP"u8]),
            ("one zero byte", [0]),
            ("1 KB of random bytes", RandomBytes(random, 1024)),
            ("64 KB of random bytes", RandomBytes(random, 64 * 1024)),
        };
        foreach (var (name, bytes) in files)
            AddImage(corpus, "not an image", name, bytes, Expect.Refused, allEndpoints: true, status: 400);

        // A valid signature and random bytes after it: the header walker and the decoders see garbage.
        foreach (var (name, signature) in new (string, byte[])[]
                 {
                     ("JPEG", [0xFF, 0xD8, 0xFF]),
                     ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
                     ("WebP", [.. "RIFF"u8, 0xF4, 0xFF, 0, 0, .. "WEBP"u8]),
                 })
        {
            for (int i = 0; i < 4; i++)
                AddImage(corpus, "signature and garbage", $"{name} signature and 64 KB of random bytes #{i + 1}", [.. signature, .. RandomBytes(random, 64 * 1024)], Expect.RefusedOrDecoded);
        }
    }

    private static void AddMalformedRequests(List<BadInput> corpus, Random random)
    {
        byte[] photo = SeedPhotos.All[0].Bytes;
        void Add(string name, Func<HttpContent> content, int? status = 400, string path = "/process") =>
            corpus.Add(new BadInput("malformed request", name, path, content, Expect.Refused, status));

        Add("multipart without a boundary", () => Uploads.Raw(Part("b", "image", photo), "multipart/form-data"));
        Add("multipart with an empty boundary", () => Uploads.Raw(Part("b", "image", photo), "multipart/form-data; boundary=\"\""));
        Add("multipart whose body uses another boundary", () => Uploads.Raw(Part("other", "image", photo), "multipart/form-data; boundary=expected"));
        Add("multipart of 4 KB random bytes", () => Uploads.Raw(RandomBytes(new Random(Seed + 1), 4096), "multipart/form-data; boundary=b"));
        Add("multipart of 64 KB random bytes", () => Uploads.Raw(RandomBytes(new Random(Seed + 2), 64 * 1024), "multipart/form-data; boundary=b"));
        Add("multipart with random bytes after the first boundary", () => Uploads.Raw([.. "--b\r\n"u8, .. RandomBytes(new Random(Seed + 3), 8192)], "multipart/form-data; boundary=b"));
        Add("multipart cut in the middle of the photo", () => Uploads.Raw(Part("b", "image", photo)[..(photo.Length / 2)], "multipart/form-data; boundary=b"));
        Add("multipart without its closing boundary", () => Uploads.Raw(Part("b", "image", photo, close: false), "multipart/form-data; boundary=b"));
        Add("multipart with only the closing boundary", () => Uploads.Raw("--b--\r\n"u8.ToArray(), "multipart/form-data; boundary=b"));
        Add("multipart, empty body", () => Uploads.Raw([], "multipart/form-data; boundary=b"));
        Add("part without Content-Disposition", () => Uploads.Raw([.. "--b\r\nContent-Type: image/jpeg\r\n\r\n"u8, .. photo, .. "\r\n--b--\r\n"u8], "multipart/form-data; boundary=b"));
        Add("part with Content-Disposition: attachment", () => Uploads.Raw([.. "--b\r\nContent-Disposition: attachment; name=\"image\"; filename=\"a.jpg\"\r\n\r\n"u8, .. photo, .. "\r\n--b--\r\n"u8], "multipart/form-data; boundary=b"));
        Add("part whose header line is 20 KB", () => Uploads.Raw([.. Encoding.ASCII.GetBytes($"--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"{new string('a', 20_000)}.jpg\"\r\n\r\n"), .. photo, .. "\r\n--b--\r\n"u8], "multipart/form-data; boundary=b"));
        Add("part with 1,000 header lines", () => Uploads.Raw([.. "--b\r\n"u8, .. Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 1000).Select(i => $"X-Header-{i}: {i}\r\n"))), .. "Content-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n\r\n"u8, .. photo, .. "\r\n--b--\r\n"u8], "multipart/form-data; boundary=b"));
        // RFC 2046 allows 70 characters; being lenient a little beyond is fine (see OverlongBoundaries for far beyond).
        corpus.Add(new BadInput("malformed request", "boundary of 71 characters", "/process", () => Uploads.Raw(Part(new string('x', 71), "image", photo), $"multipart/form-data; boundary={new string('x', 71)}"), Expect.RefusedOrDecoded));
        Add("2,000 fields, none named image", () => Uploads.Raw(ManyFields("b", 2000), "multipart/form-data; boundary=b"));
        foreach (string field in (string[])["file", "Image", "IMAGE", "images", "photo", "", "image ", " image", "image\u0000"])
            Add($"field named '{field.Replace("\0", "\\0")}'", () => Uploads.Raw(Part("b", field, photo), "multipart/form-data; boundary=b"));
        Add("two photos on /process", () => Uploads.Raw([.. Part("b", "image", photo, close: false), .. Part("b", "image", photo)], "multipart/form-data; boundary=b"));
        Add("multipart/mixed", () => Uploads.Raw(Part("b", "image", photo), "multipart/mixed; boundary=b"));
        Add("unparseable Content-Type", () => Uploads.Raw(photo, "image/;;;==\"unterminated"));
        Add("no Content-Type", () => Uploads.Raw(photo, null));
        Add("text/plain", () => Uploads.Raw("image=photo.jpg"u8.ToArray(), "text/plain"));
        Add("application/json", () => Uploads.Raw("""{"image":"/9j/4AAQ"}"""u8.ToArray(), "application/json"));
        Add("form-urlencoded", () => Uploads.Raw("image=%FF%D8%FF"u8.ToArray(), "application/x-www-form-urlencoded"));
        Add("raw body: text as image/jpeg", () => Uploads.Raw("hello"u8.ToArray(), "image/jpeg"));
        Add("raw body: nothing as application/octet-stream", () => Uploads.Raw([], "application/octet-stream"));
        Add("body above the limit (multipart)", () => Uploads.Form(RandomBytes(new Random(Seed + 4), (int)MaxRequestBytes + 4096)), status: 413);
        Add("body above the limit (raw)", () => new StreamContent(new MemoryStream(RandomBytes(new Random(Seed + 5), (int)MaxRequestBytes + 4096))) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, status: 413);
        Add("33 photos in one batch (limit 32)", () => Uploads.Raw(ManyParts("b", "image", SeedPhotos.All[1].Bytes, 33), "multipart/form-data; boundary=b"), status: 413, path: "/process/batch");
        Add("a batch with one truncated photo", () => Uploads.Raw([.. Part("b", "image", photo, close: false), .. Part("b", "image", photo[..1000])], "multipart/form-data; boundary=b"), path: "/process/batch");
        foreach (string query in (string[])["sensitivity=max", "format=gif", "threshold=NaN", "threshold=-1", "quality=1000", "maskScale=-1", "mode=%00", "box=maybe"])
            Add($"option {query}", () => Uploads.Form(photo), path: "/process?" + query);
        corpus.Add(new BadInput("malformed request", "GET /process", "/process", () => Uploads.Raw([], null), Expect.Refused, 405) { Method = HttpMethod.Get });
        corpus.Add(new BadInput("malformed request", "PUT /process", "/process", () => Uploads.Form(photo), Expect.Refused, 405) { Method = HttpMethod.Put });
    }

    /// <summary>Multipart boundaries far longer than RFC 2046's 70 characters, up to and past the 4 KB buffer of
    /// ASP.NET's MultipartReader (which throws ArgumentOutOfRangeException when the boundary does not fit). Refusing
    /// them (400) or reading them (200) are both fine; a 500 is not.</summary>
    public static IReadOnlyList<BadInput> OverlongBoundaries()
    {
        byte[] photo = SeedPhotos.All[0].Bytes;
        return [.. new[] { 129, 1000, 4090, 4096, 10_000 }.Select(length => new BadInput(
            "malformed request", $"boundary of {length:N0} characters", "/process",
            () => Uploads.Raw(Part(new string('x', length), "image", photo), $"multipart/form-data; boundary={new string('x', length)}"),
            Expect.RefusedOrDecoded))];
    }

    private static void AddImage(List<BadInput> corpus, string category, string name, byte[] bytes, Expect expect, bool allEndpoints = false, int? status = null)
    {
        string fileName = name.Contains(".png", StringComparison.Ordinal) ? "photo.png" : name.Contains(".webp", StringComparison.Ordinal) ? "photo.webp" : "photo.jpg";
        foreach (string path in allEndpoints ? ImageEndpoints : ["/process"])
            corpus.Add(new BadInput(category, name, path + "?sensitivity=normal", () => Uploads.Form(bytes, fileName), expect, status));
    }

    /// <summary>One form-data part named <paramref name="field"/> holding <paramref name="bytes"/>, with or without the closing boundary.</summary>
    private static byte[] Part(string boundary, string field, byte[] bytes, bool close = true) =>
    [
        .. Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"),
        .. bytes,
        .. Encoding.ASCII.GetBytes(close ? $"\r\n--{boundary}--\r\n" : "\r\n"),
    ];

    private static byte[] ManyParts(string boundary, string field, byte[] bytes, int count)
    {
        var body = new List<byte>();
        for (int i = 0; i < count; i++)
        {
            body.AddRange(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"photo{i}.jpg\"\r\n\r\n"));
            body.AddRange(bytes);
            body.AddRange("\r\n"u8.ToArray());
        }
        body.AddRange(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        return [.. body];
    }

    private static byte[] ManyFields(string boundary, int count) => Encoding.ASCII.GetBytes(
        string.Concat(Enumerable.Range(0, count).Select(i => $"--{boundary}\r\nContent-Disposition: form-data; name=\"field{i}\"\r\n\r\nvalue {i}\r\n")) + $"--{boundary}--\r\n");

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] PngDeclaring(byte[] png, uint width, uint height)
    {
        byte[] copy = (byte[])png.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(20), height);
        PngChunks.FixCrcs(copy); // so that libpng's CRC check is not what refuses it
        return copy;
    }

    private static byte[] JpegDeclaring(byte[] jpeg, int width, int height)
    {
        byte[] copy = (byte[])jpeg.Clone();
        for (int i = 2; i + 9 < copy.Length; i++)
        {
            if (copy[i] == 0xFF && copy[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), (ushort)width);
                return copy;
            }
        }
        throw new InvalidOperationException("The JPEG has no start-of-frame marker.");
    }

    private static byte[] WebPLosslessDeclaring(byte[] webp, int width, int height)
    {
        byte[] copy = (byte[])webp.Clone();
        if (!copy.AsSpan(12, 4).SequenceEqual("VP8L"u8)) throw new InvalidOperationException("Not a lossless WebP.");
        uint bits = BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(21));
        bits = (bits & 0xF000_0000) | (uint)(width - 1) | ((uint)(height - 1) << 14);
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(21), bits);
        return copy;
    }

    private static byte[] WebPLossyDeclaring(byte[] webp, int width, int height)
    {
        byte[] copy = (byte[])webp.Clone();
        if (!copy.AsSpan(12, 4).SequenceEqual("VP8 "u8)) throw new InvalidOperationException("Not a lossy WebP.");
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(26), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(28), (ushort)height);
        return copy;
    }

    /// <summary>An extended-format WebP header (VP8X) declaring a size, with no image chunk after it.</summary>
    private static byte[] WebPExtendedDeclaring(int width, int height)
    {
        byte[] file = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8X"u8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, .. new byte[16]];
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        int w = width - 1, h = height - 1;
        (file[24], file[25], file[26]) = ((byte)w, (byte)(w >> 8), (byte)(w >> 16));
        (file[27], file[28], file[29]) = ((byte)h, (byte)(h >> 8), (byte)(h >> 16));
        return file;
    }
}
