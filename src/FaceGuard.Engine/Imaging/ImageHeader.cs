using System.Buffers.Binary;

namespace FaceGuard.Engine.Imaging;

/// <summary>
/// What an image file says about itself before any pixel is decoded: its format and its dimensions.
/// Reading this first lets the engine refuse decompression bombs and truncated files with a clear reason,
/// instead of handing them to the native decoder.
/// </summary>
internal readonly record struct ImageHeader(ImageFormat Format, ImageSize Size)
{
    /// <summary>Identifies the format, reads the dimensions and checks that the file is complete.</summary>
    /// <exception cref="EmptyImageException">No bytes.</exception>
    /// <exception cref="UnsupportedImageFormatException">Not JPEG, PNG or WebP.</exception>
    /// <exception cref="CorruptImageException">Cut short or structurally broken.</exception>
    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) throw new EmptyImageException();
        if (IsJpeg(data)) return ReadJpeg(data);
        if (IsPng(data)) return ReadPng(data);
        if (IsWebP(data)) return ReadWebP(data);
        throw new UnsupportedImageFormatException(DescribeUnknown(data));
    }

    private static bool IsJpeg(ReadOnlySpan<byte> d) => d.Length >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF;

    private static bool IsPng(ReadOnlySpan<byte> d) => d.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static bool IsWebP(ReadOnlySpan<byte> d) => d.Length >= 12 && d.StartsWith("RIFF"u8) && d[8..12].SequenceEqual("WEBP"u8);

    // Walks the marker segments (and skips entropy-coded scan data) until the end-of-image marker.
    // A file cut anywhere before EOI is refused: libjpeg would otherwise "decode" it with a grey lower part
    // and the faces in the missing part could never be found.
    private static ImageHeader ReadJpeg(ReadOnlySpan<byte> d)
    {
        ImageSize? size = null;
        int pos = 2;
        while (true)
        {
            int markerStart = d[pos..].IndexOf((byte)0xFF);
            if (markerStart < 0) throw Truncated(ImageFormat.Jpeg, d.Length);
            pos += markerStart;
            while (pos < d.Length && d[pos] == 0xFF) pos++; // fill bytes
            if (pos >= d.Length) throw Truncated(ImageFormat.Jpeg, d.Length);
            byte marker = d[pos++];

            if (marker == 0xD9) // EOI
            {
                return size is { } s
                    ? new ImageHeader(ImageFormat.Jpeg, s)
                    : throw new CorruptImageException(ImageFormat.Jpeg, "it has no frame header");
            }
            if (marker is 0x01 or 0xD8 or >= 0xD0 and <= 0xD7) continue; // stand-alone markers
            if (marker == 0x00) throw new CorruptImageException(ImageFormat.Jpeg, $"an invalid marker at byte {pos - 1}");

            if (pos + 2 > d.Length) throw Truncated(ImageFormat.Jpeg, d.Length);
            int length = BinaryPrimitives.ReadUInt16BigEndian(d[pos..]);
            if (length < 2) throw new CorruptImageException(ImageFormat.Jpeg, $"a segment with invalid length at byte {pos}");
            if (pos + length > d.Length) throw Truncated(ImageFormat.Jpeg, d.Length);

            bool isStartOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isStartOfFrame && length >= 7)
            {
                int height = BinaryPrimitives.ReadUInt16BigEndian(d[(pos + 3)..]);
                int width = BinaryPrimitives.ReadUInt16BigEndian(d[(pos + 5)..]);
                if (width == 0 || height == 0)
                    throw new CorruptImageException(ImageFormat.Jpeg, $"it declares a size of {width}x{height}");
                size = new ImageSize(width, height);
            }
            pos += length;

            if (marker == 0xDA) // start of scan: skip entropy-coded data up to the next real marker
            {
                if (size is null) throw new CorruptImageException(ImageFormat.Jpeg, "the image data starts before the frame header");
                pos = SkipEntropyCodedData(d, pos);
            }
        }
    }

    private static int SkipEntropyCodedData(ReadOnlySpan<byte> d, int pos)
    {
        while (true)
        {
            int next = d[pos..].IndexOf((byte)0xFF);
            if (next < 0 || pos + next + 1 >= d.Length) throw Truncated(ImageFormat.Jpeg, d.Length);
            pos += next;
            byte following = d[pos + 1];
            // 0xFF00 is an escaped data byte, 0xFFD0-D7 are restart markers, 0xFFFF is fill: all part of the scan.
            if (following == 0x00 || following is >= 0xD0 and <= 0xD7 || following == 0xFF)
            {
                pos += following == 0xFF ? 1 : 2;
                continue;
            }
            return pos;
        }
    }

    private static ImageHeader ReadPng(ReadOnlySpan<byte> d)
    {
        const int signatureLength = 8;
        if (d.Length < signatureLength + 8 + 13 || !d[(signatureLength + 4)..(signatureLength + 8)].SequenceEqual("IHDR"u8))
            throw Truncated(ImageFormat.Png, d.Length);
        int width = BinaryPrimitives.ReadInt32BigEndian(d[16..]);
        int height = BinaryPrimitives.ReadInt32BigEndian(d[20..]);
        if (width <= 0 || height <= 0)
            throw new CorruptImageException(ImageFormat.Png, $"it declares a size of {width}x{height}");

        // Chunks are length-prefixed: hop from one to the next until IEND.
        long pos = signatureLength;
        while (pos + 8 <= d.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(d[(int)pos..]);
            bool isEnd = d[(int)(pos + 4)..(int)(pos + 8)].SequenceEqual("IEND"u8);
            pos += 12L + length; // length, type, data, CRC
            if (isEnd)
                return pos <= d.Length ? new ImageHeader(ImageFormat.Png, new ImageSize(width, height)) : throw Truncated(ImageFormat.Png, d.Length);
        }
        throw Truncated(ImageFormat.Png, d.Length);
    }

    private static ImageHeader ReadWebP(ReadOnlySpan<byte> d)
    {
        long riffSize = BinaryPrimitives.ReadUInt32LittleEndian(d[4..]);
        if (d.Length < 30 || riffSize + 8 > d.Length) throw Truncated(ImageFormat.WebP, d.Length);

        ReadOnlySpan<byte> chunk = d[12..16];
        ReadOnlySpan<byte> payload = d[20..];
        int width, height;
        if (chunk.SequenceEqual("VP8 "u8))
        {
            if (payload[3] != 0x9D || payload[4] != 0x01 || payload[5] != 0x2A)
                throw new CorruptImageException(ImageFormat.WebP, "its VP8 frame has no start code");
            width = BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF;
            height = BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF;
        }
        else if (chunk.SequenceEqual("VP8L"u8))
        {
            if (payload[0] != 0x2F) throw new CorruptImageException(ImageFormat.WebP, "its lossless frame has no signature");
            uint bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
            width = (int)(bits & 0x3FFF) + 1;
            height = (int)((bits >> 14) & 0x3FFF) + 1;
        }
        else if (chunk.SequenceEqual("VP8X"u8))
        {
            width = (payload[4] | payload[5] << 8 | payload[6] << 16) + 1;
            height = (payload[7] | payload[8] << 8 | payload[9] << 16) + 1;
        }
        else throw new CorruptImageException(ImageFormat.WebP, "its first chunk is not an image");

        if (width <= 0 || height <= 0)
            throw new CorruptImageException(ImageFormat.WebP, $"it declares a size of {width}x{height}");
        return new ImageHeader(ImageFormat.WebP, new ImageSize(width, height));
    }

    private static CorruptImageException Truncated(ImageFormat format, int length) =>
        new(format, $"the file ends early, after {length:N0} bytes (was the upload cut off?)");

    /// <summary>A short human name for bytes that are not a supported image, for the error message.</summary>
    internal static string DescribeUnknown(ReadOnlySpan<byte> d)
    {
        if (d.StartsWith("GIF8"u8)) return "GIF";
        if (d.StartsWith("BM"u8)) return "BMP";
        if (d.StartsWith("II*\0"u8) || d.StartsWith("MM\0*"u8)) return "TIFF";
        if (d.StartsWith("%PDF"u8)) return "PDF";
        if (d.Length >= 12 && d[4..8].SequenceEqual("ftyp"u8))
            return d[8..12].SequenceEqual("avif"u8) ? "AVIF" : d[8..11].SequenceEqual("hei"u8) || d[8..12].SequenceEqual("mif1"u8) ? "HEIC" : "an ISO media file";
        if (d.StartsWith("RIFF"u8)) return "a RIFF file that is not WebP";
        if (d.StartsWith("PK\x03\x04"u8)) return "a ZIP archive";
        return LooksLikeText(d) ? "text, not an image" : "unknown (not an image file)";
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> d)
    {
        var sample = d[..Math.Min(d.Length, 512)];
        foreach (byte b in sample)
            if (b < 0x09 || b is > 0x0D and < 0x20) return false;
        return true;
    }
}
