using System.Buffers.Binary;

namespace FaceGuard.Engine.Tests;

/// <summary>Writes a minimal EXIF block (orientation and a GPS position) into a JPEG, as a phone would.</summary>
internal static class Exif
{
    public static byte[] WithOrientationAndGps(byte[] jpeg, ushort orientation)
    {
        // TIFF, little endian: IFD0 with Orientation and a pointer to a GPS IFD holding GPSLatitudeRef = 'N'.
        var tiff = new byte[8 + 2 + 2 * 12 + 4 + 2 + 12 + 4];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        int ifd0 = 8;
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(ifd0), 2);
        WriteEntry(tiff, ifd0 + 2, tag: 0x0112, type: 3, value: orientation); // Orientation, SHORT
        int gpsIfd = ifd0 + 2 + 2 * 12 + 4;
        WriteEntry(tiff, ifd0 + 2 + 12, tag: 0x8825, type: 4, value: (uint)gpsIfd); // GPSInfo pointer, LONG
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(gpsIfd), 1);
        WriteEntry(tiff, gpsIfd + 2, tag: 0x0001, type: 2, value: 'N'); // GPSLatitudeRef, ASCII "N\0"

        byte[] header = [.. "Exif\0\0"u8];
        int segmentLength = 2 + header.Length + tiff.Length;
        var app1 = new byte[4 + header.Length + tiff.Length];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)segmentLength);
        header.CopyTo(app1, 4);
        tiff.CopyTo(app1, 4 + header.Length);
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    public static bool HasExif(byte[] jpeg) => jpeg.AsSpan().IndexOf("Exif\0\0"u8) >= 0;

    private static void WriteEntry(byte[] tiff, int at, ushort tag, ushort type, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), type == 2 ? 2u : 1u);
        if (type == 3) BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 8), (ushort)value);
        else BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
    }
}
