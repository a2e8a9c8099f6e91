using System.Buffers.Binary;

namespace FaceGuard.Reliability.Tests.Corpus;

/// <summary>One mutated photo: its bytes and what was done to which seed, enough to tell a person what failed.</summary>
public sealed record Mutant(int Iteration, SeedPhoto Seed, byte[] Bytes, IReadOnlyList<string> Mutations)
{
    public string FileName => Seed.Format switch { "png" => "mutant.png", "webp" => "mutant.webp", _ => "mutant.jpg" };

    public override string ToString() => $"iteration {Iteration}: {Seed.Name} ({Bytes.Length:N0} bytes) {string.Join(", ", Mutations)}";
}

/// <summary>
/// A seeded mutation fuzzer over real photos, in the manner of AFL's havoc stage: one to four stacked mutations —
/// bit flips, interesting bytes and integers, deleted, duplicated, inserted or overwritten ranges, truncation, splices
/// with another photo, stray JPEG markers — and, for PNG and WebP, the checksums and sizes fixed up half of the time so
/// that the damage reaches the decoders rather than their first check. Iteration i of seed s is always the same mutant,
/// whichever worker makes it, so a finding is replayed from (s, i) alone.
/// </summary>
public sealed class Mutator(IReadOnlyList<SeedPhoto> seeds, int seed)
{
    public const int MaxStackedMutations = 4;

    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x7F, 0x80, 0xFF];
    private static readonly uint[] InterestingIntegers = [0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x1_0000, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF];

    public int Seed => seed;

    public Mutant Mutate(int iteration)
    {
        var random = new Random(unchecked(seed * 1_000_003 + iteration) & int.MaxValue); // not HashCode: it differs per process
        var photo = seeds[random.Next(seeds.Count)];
        var bytes = new List<byte>(photo.Bytes);
        var done = new List<string>();
        int count = random.Next(1, MaxStackedMutations + 1);
        for (int m = 0; m < count && bytes.Count > 0; m++) done.Add(MutateOnce(bytes, photo, random));

        byte[] result = [.. bytes];
        if (random.Next(2) == 0)
        {
            if (photo.Format == "png" && result.Length > 8)
            {
                PngChunks.FixCrcs(result);
                done.Add("PNG CRCs fixed");
            }
            else if (photo.Format == "webp" && result.Length >= 12)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
                done.Add("RIFF size fixed");
            }
        }
        return new Mutant(iteration, photo, result, done);
    }

    private string MutateOnce(List<byte> bytes, SeedPhoto photo, Random random)
    {
        // Half of the positions fall in the first kilobyte, where the headers the decoders trust are.
        int Position() => random.Next(2) == 0 ? random.Next(Math.Min(bytes.Count, 1024)) : random.Next(bytes.Count);
        int Length(int max) => random.Next(1, Math.Max(2, Math.Min(max, bytes.Count / 8 + 1)));

        switch (random.Next(11))
        {
            case 0:
            {
                int flips = random.Next(1, 9);
                for (int i = 0; i < flips; i++)
                {
                    int at = Position();
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }
                return $"{flips} bit flip(s)";
            }
            case 1:
            {
                int at = Position();
                bytes[at] = InterestingBytes[random.Next(InterestingBytes.Length)];
                return $"byte {at} = 0x{bytes[at]:X2}";
            }
            case 2:
            {
                int at = Position();
                uint value = InterestingIntegers[random.Next(InterestingIntegers.Length)];
                bool wide = random.Next(2) == 0, bigEndian = random.Next(2) == 0;
                Span<byte> word = stackalloc byte[4];
                if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(word, value); else BinaryPrimitives.WriteUInt32LittleEndian(word, value);
                var written = wide ? word : bigEndian ? word[2..] : word[..2];
                for (int i = 0; i < written.Length && at + i < bytes.Count; i++) bytes[at + i] = written[i];
                return $"{(wide ? 32 : 16)}-bit {(bigEndian ? "BE" : "LE")} 0x{value:X} at {at}";
            }
            case 3:
            {
                int at = Position(), length = Math.Min(Length(4096), bytes.Count - at);
                bytes.RemoveRange(at, length);
                return $"deleted {length} at {at}";
            }
            case 4:
            {
                int from = Position(), length = Math.Min(Length(4096), bytes.Count - from), to = Position();
                bytes.InsertRange(to, bytes.GetRange(from, length));
                return $"copied {length} from {from} to {to}";
            }
            case 5:
            {
                int at = Position(), length = random.Next(1, 257);
                var inserted = new byte[length];
                random.NextBytes(inserted);
                bytes.InsertRange(at, inserted);
                return $"inserted {length} random at {at}";
            }
            case 6:
            {
                int at = Position(), length = Math.Min(Length(1024), bytes.Count - at);
                for (int i = 0; i < length; i++) bytes[at + i] = (byte)random.Next(256);
                return $"overwrote {length} at {at}";
            }
            case 7:
            {
                int keep = random.Next(1, bytes.Count);
                bytes.RemoveRange(keep, bytes.Count - keep);
                return $"truncated to {keep}";
            }
            case 8:
            {
                var other = seeds[random.Next(seeds.Count)].Bytes;
                int cut = Position(), from = random.Next(other.Length);
                bytes.RemoveRange(cut, bytes.Count - cut);
                bytes.AddRange(other.AsSpan(from).ToArray());
                return $"spliced at {cut} with bytes {from}.. of another photo";
            }
            case 9 when photo.Format == "jpeg":
            {
                int at = Position();
                byte marker = (byte)random.Next(0xC0, 0xFF);
                bytes.InsertRange(at, [0xFF, marker]);
                return $"marker FF{marker:X2} at {at}";
            }
            default:
            {
                // Repeat a small block many times: a cheap way to make huge lengths and counts.
                int at = Position(), length = Math.Min(random.Next(1, 16), bytes.Count - at), times = random.Next(2, 64);
                var block = bytes.GetRange(at, length);
                for (int i = 0; i < times; i++) bytes.InsertRange(at, block);
                return $"repeated {length} bytes at {at} {times} times";
            }
        }
    }
}
