using System.Diagnostics.CodeAnalysis;

namespace QuantFunctions.Core.Synthetic;

/// <summary>
/// Draws uniform, Gaussian and Student-t variates from a seeded <see cref="Random"/>, with a fixed
/// draw order, so a seed reproduces the same numbers bit for bit on the same runtime.
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Seeded simulation for reproducible synthetic data, not security.")]
internal sealed class SeededSampler
{
    private readonly Random _random;
    private double _spare;
    private bool _hasSpare;

    public SeededSampler(int seed) => _random = new Random(seed);

    public double Uniform() => _random.NextDouble();

    public double Uniform(double low, double high) => low + ((high - low) * _random.NextDouble());

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    /// <summary>Standard normal by the Marsaglia polar method (both variates used).</summary>
    public double Normal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u, v, s;
        do
        {
            u = (2.0 * _random.NextDouble()) - 1.0;
            v = (2.0 * _random.NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        double factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spare = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    /// <summary>Student-t with integer <paramref name="dof"/> &gt; 2, scaled to unit variance: <c>Z / √(χ²_ν/ν) · √((ν−2)/ν)</c>.</summary>
    public double StudentTUnitVariance(int dof)
    {
        double z = Normal();
        double chi2 = 0;
        for (int k = 0; k < dof; k++)
        {
            double g = Normal();
            chi2 += g * g;
        }

        return z / Math.Sqrt(chi2 / dof) * Math.Sqrt((dof - 2.0) / dof);
    }

    /// <summary>Picks <paramref name="count"/> distinct indices in [0, n) in draw order (partial Fisher–Yates).</summary>
    public int[] Distinct(int n, int count)
    {
        int[] pool = new int[n];
        for (int i = 0; i < n; i++)
        {
            pool[i] = i;
        }

        for (int i = 0; i < count; i++)
        {
            int j = i + _random.Next(n - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool.AsSpan(0, count).ToArray();
    }

    /// <summary>Derives an independent child seed from a parent seed and a stream index (SplitMix-style mix).</summary>
    public static int DeriveSeed(int seed, int stream)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32) + (ulong)(uint)stream + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
