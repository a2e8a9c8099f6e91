using System.Collections.Concurrent;

namespace FaceGuard.Engine.Detection;

/// <summary>
/// Reusable working buffers, one set per photo being processed at the same moment. Sets are created on demand and
/// never dropped, so the pool holds as many as the highest concurrency seen: a bounded, steady footprint whose pages
/// stay mapped, instead of fresh multi-megabyte allocations (and page faults) for every photo.
/// </summary>
internal sealed class BufferPool<T>(Func<T> create) where T : class
{
    private readonly ConcurrentBag<T> _free = [];

    public Lease Rent() => new(this, _free.TryTake(out var item) ? item : create());

    public readonly struct Lease(BufferPool<T> pool, T item) : IDisposable
    {
        public T Item { get; } = item;

        public void Dispose() => pool._free.Add(Item);
    }
}
