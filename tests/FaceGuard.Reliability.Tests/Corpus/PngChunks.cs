using System.Buffers.Binary;

namespace FaceGuard.Reliability.Tests.Corpus;

/// <summary>
/// Recomputes the CRC of every PNG chunk, so that damaged data gets past libpng's CRC check and reaches the code
/// behind it (zlib, row filters, the size checks) — where a fuzzer's findings are.
/// </summary>
public static class PngChunks
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Walks the chunks from byte 8 and rewrites each CRC in place; stops at the first chunk that does not fit.</summary>
    public static void FixCrcs(byte[] png)
    {
        long pos = 8;
        while (pos + 12 <= png.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan((int)pos));
            long end = pos + 8 + length;
            if (end + 4 > png.Length) return;
            BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan((int)end), Crc(png.AsSpan((int)pos + 4, (int)length + 4)));
            pos = end + 4;
        }
    }

    public static uint Crc(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFF_FFFF;
        foreach (byte b in bytes) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFF_FFFF;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
