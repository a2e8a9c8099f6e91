using System.Text.Json;
using System.Text.Json.Serialization;
using FaceGuard.Engine;

namespace FaceGuard.Service.Endpoints;

/// <summary>The JSON of /detect, /process?format=json and each entry of a batch's faces.json.</summary>
public sealed record DetectionResponse(int Width, int Height, IReadOnlyList<FaceResponse> Faces, StageTimings Timings)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Name of the masked photo inside a batch zip.</summary>
    public string? File { get; init; }

    /// <summary>File name the photo was uploaded under, in a batch.</summary>
    public string? Upload { get; init; }

    public static DetectionResponse From(ImageSize size, IReadOnlyList<Face> faces, StageTimings timings) =>
        new(size.Width, size.Height, faces.Select(FaceResponse.From).ToList(), timings);
}

/// <summary>A face: box in pixels of the upright photo, score, and the six keypoints.</summary>
public sealed record FaceResponse(float X, float Y, float W, float H, float Score, IReadOnlyList<Keypoint> Keypoints)
{
    public static FaceResponse From(Face face) => new(
        MathF.Round(face.Box.X, 1), MathF.Round(face.Box.Y, 1), MathF.Round(face.Box.Width, 1), MathF.Round(face.Box.Height, 1),
        MathF.Round(face.Score, 3), face.Keypoints.Select(k => new Keypoint(MathF.Round(k.X, 1), MathF.Round(k.Y, 1))).ToList());
}
