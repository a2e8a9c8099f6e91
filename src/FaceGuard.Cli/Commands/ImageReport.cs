using FaceGuard.Analysis.Batches;
using System.Text.Json;
using System.Text.Json.Serialization;
using FaceGuard.Engine;

namespace FaceGuard.Cli.Commands;

/// <summary>One line of <c>blur --json</c>: what was found in a photo and how long each stage took.</summary>
internal sealed record ImageReport(string Path, string? Output, int Width, int Height, IReadOnlyList<FaceReport> Faces, StageTimings? Timings, string? Error)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ImageReport From(PhotoJob job, AnonymizeResult result) => new(
        job.Input, job.Output, result.Size.Width, result.Size.Height,
        result.Faces.Select(FaceReport.From).ToList(), result.Timings, null);

    public static ImageReport Failed(PhotoJob job, string error) => new(job.Input, null, 0, 0, [], null, error);
}

internal sealed record FaceReport(int X, int Y, int W, int H, double Score)
{
    public static FaceReport From(Face face) => new(
        (int)MathF.Round(face.Box.X), (int)MathF.Round(face.Box.Y),
        (int)MathF.Round(face.Box.Width), (int)MathF.Round(face.Box.Height), Math.Round(face.Score, 3));
}
