using System.Text.Json;

namespace SyntheticFaces;

/// <summary>Writes <c>faces.json</c> (format: <see cref="TruthFile"/>), one image a line, then one face a line.</summary>
internal static class TruthJsonWriter
{
    public static void Write(string path, IEnumerable<TruthImage> images)
    {
        using var writer = new RecordLinesJsonWriter();
        writer.Json.WriteStartObject();
        writer.Json.WriteStartArray("images");
        foreach (TruthImage image in images)
        {
            writer.WriteRecordLine(line => WriteImage(line, image));
        }

        writer.WriteEndRecordArray();
        writer.Json.WriteEndObject();
        writer.WriteToFile(path);
    }

    private static void WriteImage(RecordLinesJsonWriter writer, TruthImage image)
    {
        Utf8JsonWriter json = writer.Json;
        json.WriteStartObject();
        json.WriteString("file", image.File);
        json.WriteNumber("width", image.Width);
        json.WriteNumber("height", image.Height);
        json.WriteStartArray("faces");
        foreach (TruthBox face in image.Faces)
        {
            writer.WriteRecordLine(line => WriteFace(line.Json, face));
        }

        writer.WriteEndRecordArray();
        json.WriteEndObject();
    }

    private static void WriteFace(Utf8JsonWriter json, TruthBox face)
    {
        json.WriteStartObject();
        json.WriteNumber("x", face.X);
        json.WriteNumber("y", face.Y);
        json.WriteNumber("w", face.W);
        json.WriteNumber("h", face.H);
        json.WriteBoolean("difficult", face.Difficult);
        json.WriteEndObject();
    }
}
