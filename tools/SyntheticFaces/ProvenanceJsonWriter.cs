using System.Text.Json;
using OpenCvSharp;

namespace SyntheticFaces;

/// <summary>
/// Writes <c>provenance.json</c>: the seed; per image its background photo, crop (<c>[x,y,w,h]</c>) and mirror; per face,
/// one a line in placement order, the source photo, face index and crop, the exact scale <c>[x,y]</c>, mirror, paste
/// rectangle and resulting truth box.
/// </summary>
internal static class ProvenanceJsonWriter
{
    public static void Write(string path, ulong seed, IEnumerable<SyntheticImage> images)
    {
        using var writer = new RecordLinesJsonWriter();
        writer.Json.WriteStartObject();
        writer.Json.WriteNumber("seed", seed);
        writer.Json.WriteStartArray("images");
        foreach (SyntheticImage image in images)
        {
            writer.WriteRecordLine(line => WriteImage(line, image));
        }

        writer.WriteEndRecordArray();
        writer.Json.WriteEndObject();
        writer.WriteToFile(path);
    }

    private static void WriteImage(RecordLinesJsonWriter writer, SyntheticImage image)
    {
        Utf8JsonWriter json = writer.Json;
        json.WriteStartObject();
        json.WriteString("file", image.File);
        json.WriteString("background", image.Background.File);
        WriteRect(json, "bg_crop", image.Background.Crop);
        json.WriteBoolean("bg_mirror", image.Background.Mirror);
        json.WriteStartArray("faces");
        foreach (PlacedFace face in image.Faces)
        {
            writer.WriteRecordLine(line => WriteFace(line.Json, face));
        }

        writer.WriteEndRecordArray();
        json.WriteEndObject();
    }

    private static void WriteFace(Utf8JsonWriter json, PlacedFace face)
    {
        json.WriteStartObject();
        json.WriteString("source", face.Source.File);
        json.WriteNumber("source_face", face.Source.Index);
        WriteRect(json, "source_crop", face.Source.Crop);
        json.WriteStartArray("scale");
        json.WriteNumberValue(face.ScaleX); // shortest round-trip form, as double.ToString("R")
        json.WriteNumberValue(face.ScaleY);
        json.WriteEndArray();
        json.WriteBoolean("mirror", face.Mirror);
        WriteRect(json, "paste", face.Patch);
        TruthBox box = face.Box;
        WriteRect(json, "box", new Rect(box.X, box.Y, box.W, box.H));
        json.WriteEndObject();
    }

    /// <summary>A rectangle as <c>[x,y,w,h]</c>.</summary>
    private static void WriteRect(Utf8JsonWriter json, string name, Rect rect)
    {
        json.WriteStartArray(name);
        json.WriteNumberValue(rect.X);
        json.WriteNumberValue(rect.Y);
        json.WriteNumberValue(rect.Width);
        json.WriteNumberValue(rect.Height);
        json.WriteEndArray();
    }
}
