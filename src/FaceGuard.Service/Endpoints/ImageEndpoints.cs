using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using FaceGuard.Engine;
using Prometheus;

namespace FaceGuard.Service.Endpoints;

/// <summary>POST /process, /detect and /process/batch: the work the service exists for.</summary>
internal static class ImageEndpoints
{
    public static void MapImageEndpoints(this WebApplication app, ServiceOptions options)
    {
        var images = app.MapGroup("")
            .RequireRateLimiting(FaceGuardService.ImagePolicy)
            .AddEndpointFilter(new ApiKeyFilter(options.ApiKey))
            .AddEndpointFilter(new ProblemFilter(options));
        images.MapPost("/process", ProcessAsync);
        images.MapPost("/detect", DetectAsync);
        images.MapPost("/process/batch", BatchAsync);
    }

    /// <summary>One photo in, the masked photo out (or its detections as JSON with ?format=json).</summary>
    private static async Task<IResult> ProcessAsync(HttpContext http, FaceAnonymizer engine, ResultCache cache, ServiceOptions options, ServiceMetrics metrics, CancellationToken cancellationToken)
    {
        var (anonymize, json) = ProcessQuery.Parse(http.Request.Query);
        var upload = await ReadOneAsync(http, options, cancellationToken);
        if (json) return Detections(http, engine, metrics, upload, anonymize.Detection);

        AnonymizeResult result;
        using (metrics.InFlight.TrackInProgress())
            result = cache.GetOrCreate(upload.Bytes, anonymize, () => engine.Anonymize(upload.Bytes, anonymize));
        metrics.Record(result.Timings, result.Faces.Count);

        DescribeInHeaders(http.Response, result.Size, result.Faces.Count, result.Timings);
        return TypedResults.File(result.Image, result.Format == OutputFormat.Png ? "image/png" : "image/jpeg");
    }

    /// <summary>One photo in, the faces found as JSON out; no image is produced.</summary>
    private static async Task<IResult> DetectAsync(HttpContext http, FaceAnonymizer engine, ServiceOptions options, ServiceMetrics metrics, CancellationToken cancellationToken)
    {
        var detection = ProcessQuery.Parse(http.Request.Query).Options.Detection;
        var upload = await ReadOneAsync(http, options, cancellationToken);
        return Detections(http, engine, metrics, upload, detection);
    }

    /// <summary>Several photos in (repeated "image" fields), a zip of the masked photos and a faces.json out.</summary>
    private static async Task<IResult> BatchAsync(HttpContext http, FaceAnonymizer engine, ServiceOptions options, ServiceMetrics metrics, CancellationToken cancellationToken)
    {
        var anonymize = ProcessQuery.Parse(http.Request.Query).Options;
        var uploads = await UploadReader.ReadAsync(http.Request, options, cancellationToken);

        var results = new List<(string Entry, Upload Upload, AnonymizeResult Result)>();
        using (metrics.InFlight.TrackInProgress())
        {
            for (int i = 0; i < uploads.Count; i++)
            {
                AnonymizeResult result;
                try
                {
                    result = engine.Anonymize(uploads[i].Bytes, anonymize);
                }
                catch (FaceGuardException e)
                {
                    throw new BadRequestException("Unusable photo in batch", $"Photo {i + 1} ('{uploads[i].Name}'): {e.Message} No photo of the batch was processed.");
                }
                metrics.Record(result.Timings, result.Faces.Count);
                string extension = result.Format == OutputFormat.Png ? ".png" : ".jpg";
                results.Add(($"{i + 1:000}-{SafeName(uploads[i].Name)}{extension}", uploads[i], result));
            }
        }

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entry, _, result) in results)
            {
                // JPEG and PNG are compressed already; storing them saves CPU for nothing lost.
                await using var stream = archive.CreateEntry(entry, CompressionLevel.NoCompression).Open();
                await stream.WriteAsync(result.Image, cancellationToken);
            }
            var manifest = results.Select(r => DetectionResponse.From(r.Result.Size, r.Result.Faces, r.Result.Timings) with { File = r.Entry, Upload = r.Upload.Name });
            await using var json = archive.CreateEntry("faces.json").Open();
            await JsonSerializer.SerializeAsync(json, manifest, DetectionResponse.JsonOptions, cancellationToken);
        }
        http.Response.Headers["X-Faces"] = results.Sum(r => r.Result.Faces.Count).ToString(CultureInfo.InvariantCulture);
        return TypedResults.File(zip.ToArray(), "application/zip", "faceguard-batch.zip");
    }

    private static IResult Detections(HttpContext http, FaceAnonymizer engine, ServiceMetrics metrics, Upload upload, DetectionOptions options)
    {
        DetectionResult result;
        using (metrics.InFlight.TrackInProgress())
            result = engine.Detect(upload.Bytes, options);
        metrics.Record(result.Timings, result.Faces.Count);
        DescribeInHeaders(http.Response, result.Size, result.Faces.Count, result.Timings);
        return TypedResults.Json(DetectionResponse.From(result.Size, result.Faces, result.Timings), DetectionResponse.JsonOptions);
    }

    private static async Task<Upload> ReadOneAsync(HttpContext http, ServiceOptions options, CancellationToken cancellationToken)
    {
        var uploads = await UploadReader.ReadAsync(http.Request, options, cancellationToken);
        return uploads.Count == 1
            ? uploads[0]
            : throw new BadRequestException("Several photos", $"This endpoint takes one photo; {uploads.Count} were sent. Use /process/batch for several.");
    }

    /// <summary>X-Faces, X-Image-Size and Server-Timing (ms per stage, as browsers' devtools and the load tests read it).</summary>
    private static void DescribeInHeaders(HttpResponse response, ImageSize size, int faces, StageTimings timings)
    {
        response.Headers["X-Faces"] = faces.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Image-Size"] = size.ToString();
        response.Headers["Server-Timing"] = string.Join(", ",
            Stages.All.Select(stage => string.Create(CultureInfo.InvariantCulture, $"{Stages.Name(stage)};dur={timings[stage]:0.###}")));
    }

    private static string SafeName(string name)
    {
        string stem = Path.GetFileNameWithoutExtension(Path.GetFileName(name.Replace('\\', '/')));
        var safe = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        return safe.Length == 0 ? "image" : safe[..Math.Min(safe.Length, 64)];
    }
}
