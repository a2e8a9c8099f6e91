using System.Security.Cryptography;
using FaceGuard.Engine;
using Microsoft.Extensions.Caching.Memory;

namespace FaceGuard.Service;

/// <summary>
/// Optional, bounded in bytes, off by default: results keyed by the SHA-256 of the upload and the options.
/// Useful when the same photos are sent again and again (retries, load tests); it keeps photos of people in memory
/// after their request ended, so an operator has to turn it on.
/// </summary>
public sealed class ResultCache(long capacityBytes) : IDisposable
{
    private readonly MemoryCache? _cache = capacityBytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = capacityBytes }) : null;


    public AnonymizeResult GetOrCreate(byte[] upload, AnonymizeOptions options, Func<AnonymizeResult> create)
    {
        if (_cache is null) return create();
        string key = Convert.ToHexString(SHA256.HashData(upload)) + "|" + options;
        if (_cache.TryGetValue(key, out AnonymizeResult? hit) && hit is not null) return hit;
        var result = create();
        _cache.Set(key, result, new MemoryCacheEntryOptions { Size = result.Image.Length });
        return result;
    }

    public void Dispose() => _cache?.Dispose();
}
