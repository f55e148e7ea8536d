namespace QuantFunctions.Core.Tests.Regime;

/// <summary>
/// A seeded generator of daily returns with planted regimes, for recovery tests.
/// </summary>
/// <remarks>
/// Three states with daily (mean, volatility): NORMAL (+0.05 %, 0.6 %), TURBULENT (0 %, 1.5 %), CRISIS (−0.2 %, 3.5 %).
/// The path is a sequence of segments; each segment's length is uniform in [minLength, maxLength] days and its state is
/// drawn uniformly among the two states other than the previous segment's (the first segment is NORMAL). Returns are
/// Gaussian (Box-Muller on <see cref="Random"/> with the given seed).
/// </remarks>
internal static class PlantedRegimes
{
    public static readonly double[] Means = [0.0005, 0.0, -0.002];
    public static readonly double[] Volatilities = [0.006, 0.015, 0.035];

    public static (double[] Returns, int[] States) Generate(int seed, int days, int minLength = 120, int maxLength = 300, int states = 3)
    {
        var random = new Random(seed);
        double[] returns = new double[days];
        int[] planted = new int[days];
        int t = 0, state = 0;
        while (t < days)
        {
            int length = random.Next(minLength, maxLength + 1);
            for (int i = 0; i < length && t < days; i++, t++)
            {
                planted[t] = state;
                returns[t] = Means[state] + (Volatilities[state] * Gaussian(random));
            }

            int next = random.Next(states - 1);
            state = next >= state ? next + 1 : next;
        }

        return (returns, planted);
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
