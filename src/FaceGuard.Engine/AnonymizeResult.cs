namespace FaceGuard.Engine;

/// <summary>The masked photo and what was found in it.</summary>
/// <param name="Image">The encoded output: upright, without EXIF, GPS or any other metadata.</param>
/// <param name="Format">The format of <paramref name="Image"/>.</param>
/// <param name="Size">Pixel size of the upright image.</param>
/// <param name="Faces">Every face that was masked, in pixels of the upright image.</param>
/// <param name="Timings">Milliseconds spent in each stage.</param>
public sealed record AnonymizeResult(byte[] Image, OutputFormat Format, ImageSize Size, IReadOnlyList<Face> Faces, StageTimings Timings);
