namespace SyntheticFaces;

/// <summary>Deterministic PRNG (SplitMix64): stable across .NET versions, unlike System.Random.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform double in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [min, maxExclusive); <paramref name="min"/>, without drawing, if that is empty.</summary>
    public int Next(int min, int maxExclusive)
    {
        if (maxExclusive <= min)
        {
            return min;
        }

        return min + (int)(NextULong() % (ulong)(maxExclusive - min));
    }

    public double Uniform(double a, double b) => a + ((b - a) * NextDouble());

    public double LogUniform(double a, double b) => Math.Exp(Uniform(Math.Log(a), Math.Log(b)));

    /// <summary>Fisher-Yates, from the end.</summary>
    public void Shuffle<T>(IList<T> list)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = Next(0, i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
