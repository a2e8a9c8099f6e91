using System.Runtime.InteropServices;

namespace FaceGuard.Engine;

/// <summary>
/// glibc malloc settings for a process that decodes and masks photos on several threads. Two things matter here:
/// <list type="bullet">
/// <item>Fragmentation: by default glibc gives each thread its own arena and raises its mmap threshold after large frees,
/// so multi-megabyte image buffers fragmented arenas that were never returned (resident memory crept from 150 to 270 MB
/// over 40 photos). One arena keeps the heap compact (14 MB less at peak than two, measured under two concurrent
/// photos); the few large allocations a photo makes do not contend for it.</item>
/// <item>Page faults: a buffer taken from fresh mmap'd pages costs ~10–20 µs per 4 KB page on these machines the first
/// time it is touched. With buffers above 128 KB sent to mmap, decoding a 1080p JPEG took 23 ms instead of 5, and the
/// Python peer loses 27 ms a request the same way. Buffers up to 32 MB (a 10-megapixel image) therefore come from the
/// heap, where freed memory is reused, and up to 16 MB of it is kept rather than trimmed (64 MB left the service at 203 MB
/// after a burst of 49-megapixel photos; 16 MB at 189 MB, with decoding as fast).</item>
/// </list>
/// Larger buffers still come from mmap; the launcher's <c>glibc.malloc.hugetlb=1</c> lets those be backed by 2 MB pages
/// (a 12-megapixel decode: 125 ms → 31 ms), which can only be set before the process starts.
/// </summary>
public static partial class NativeMemory
{
#pragma warning disable IDE1006 // glibc's names from <malloc.h>, so that a reader can look them up
    private const int M_TRIM_THRESHOLD = -1;
    private const int M_MMAP_THRESHOLD = -3;
    private const int M_ARENA_MAX = -8;
#pragma warning restore IDE1006

    private const int Arenas = 1;
    private const int MmapThresholdBytes = 32 * 1024 * 1024; // glibc's ceiling for this setting on 64-bit
    private const int TrimThresholdBytes = 16 * 1024 * 1024;

    /// <summary>The same settings as environment variables, for whoever starts a FaceGuard process (the ./faceguard
    /// launcher exports these; tests and benchmarks start the service with them).</summary>
    public static IReadOnlyDictionary<string, string> LauncherEnvironment { get; } = new Dictionary<string, string>
    {
        ["MALLOC_ARENA_MAX"] = Arenas.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MALLOC_MMAP_THRESHOLD_"] = MmapThresholdBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MALLOC_TRIM_THRESHOLD_"] = TrimThresholdBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GLIBC_TUNABLES"] = "glibc.malloc.hugetlb=1",
    };

    /// <summary>Applies the arena, mmap and trim settings from inside. Call once, first thing in Main; a no-op where
    /// glibc is not the allocator.</summary>
    public static void LimitFragmentation()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            MallOpt(M_ARENA_MAX, Arenas);
            MallOpt(M_MMAP_THRESHOLD, MmapThresholdBytes);
            MallOpt(M_TRIM_THRESHOLD, TrimThresholdBytes);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // not glibc (musl, for instance): its allocator has no such knobs
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
