using System.Buffers;
using System.Text.Json;

namespace SyntheticFaces;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> with the layout of this tool's JSON files: compact, except that each element of an
/// array of records starts a line of its own, indented two spaces a level, and such an array closes on a line of its
/// own; the file ends with a newline. (The writer's Indented option would put every property on a line of its own.)
/// </summary>
internal sealed class RecordLinesJsonWriter : IDisposable
{
    private const int IndentSize = 2;

    private readonly ArrayBufferWriter<byte> _output = new();
    private readonly int _depth;
    private bool _recordLinesInOpenArray;

    public RecordLinesJsonWriter()
        : this(depth: 0)
    {
    }

    private RecordLinesJsonWriter(int depth)
    {
        _depth = depth;
        Json = new Utf8JsonWriter(_output);
    }

    /// <summary>Writes everything but the record lines and the end of their array.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>Writes one element of the open array on a line of its own, one level deeper than this writer.</summary>
    public void WriteRecordLine(Action<RecordLinesJsonWriter> writeRecord)
    {
        // Utf8JsonWriter writes a comma together with the value after it, so a line break after the comma has to be
        // part of that value: the record is written to a buffer of its own, behind its line break, and added raw.
        using var record = new RecordLinesJsonWriter(_depth + 1);
        record.WriteLineBreak(_depth + 1);
        writeRecord(record);
        record.Json.Flush();
        Json.WriteRawValue(record._output.WrittenSpan);
        _recordLinesInOpenArray = true;
    }

    /// <summary>Ends the open array: on a line of its own after record lines, right away if it has none.</summary>
    public void WriteEndRecordArray()
    {
        if (_recordLinesInOpenArray)
        {
            WriteLineBreak(_depth);
        }

        Json.WriteEndArray();
        _recordLinesInOpenArray = false;
    }

    public void WriteToFile(string path)
    {
        WriteLineBreak(0);
        File.WriteAllBytes(path, _output.WrittenSpan);
    }

    public void Dispose() => Json.Dispose();

    private void WriteLineBreak(int depth)
    {
        Json.Flush();
        _output.Write("\n"u8);
        int indent = depth * IndentSize;
        _output.GetSpan(indent)[..indent].Fill((byte)' ');
        _output.Advance(indent);
    }
}
