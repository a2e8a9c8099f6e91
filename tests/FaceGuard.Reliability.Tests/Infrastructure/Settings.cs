using System.Globalization;

namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>Sizes that CI keeps small and a person can raise for a longer run, from environment variables.</summary>
internal static class Settings
{
    /// <summary>Measured requests of the soak test (default 5,000).</summary>
    public const string SoakRequestsVariable = "FACEGUARD_SOAK_REQUESTS";

    /// <summary>Mutated photos the fuzzer sends (default 400 in CI; e.g. 50000 for an hour-long run).</summary>
    public const string FuzzIterationsVariable = "FACEGUARD_FUZZ_ITERATIONS";

    /// <summary>The fuzzer's seed; a finding is replayed with the same seed and its iteration number.</summary>
    public const string FuzzSeedVariable = "FACEGUARD_FUZZ_SEED";

    public static int Integer(string variable, int fallback, int minimum)
    {
        string? text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= minimum
            ? value
            : throw new ArgumentOutOfRangeException(variable, text, $"{variable} must be a whole number of at least {minimum}.");
    }
}
