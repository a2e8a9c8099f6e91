using System.Threading.RateLimiting;

namespace FaceGuard.Service;

/// <summary>
/// The service's one <see cref="ConcurrencyLimiter"/> as the rate-limiting middleware sees it. The middleware disposes
/// a partition's limiter once it has been idle for 10 s and asks the partition's factory for a new one; handing it the
/// same limiter again gave it a disposed one, and after any quiet spell every photo failed with
/// <see cref="ObjectDisposedException"/> (a 500). This view is never idle, so the middleware keeps it; disposing it
/// leaves the limiter, which lives as long as the app, alone.
/// </summary>
internal sealed class NeverIdleLimiter(ConcurrencyLimiter limiter) : RateLimiter
{
    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => limiter.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => limiter.AttemptAcquire(permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        limiter.AcquireAsync(permitCount, cancellationToken);
}
