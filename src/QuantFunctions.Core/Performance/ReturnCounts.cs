namespace QuantFunctions.Core.Performance;

/// <summary>One pass over the returns: sums, counts and runs that the win/loss metrics share.</summary>
internal readonly record struct ReturnCounts
{
    public double Growth { get; init; }

    public double Sum { get; init; }

    /// <summary>Σ r over r ≥ 0.</summary>
    public double Gains { get; init; }

    /// <summary>|Σ r| over r &lt; 0.</summary>
    public double Losses { get; init; }

    public double PositiveSum { get; init; }

    /// <summary>Σ r over r &lt; 0 (≤ 0).</summary>
    public double NegativeSum { get; init; }

    public double ExcessGains { get; init; }

    public double ExcessLosses { get; init; }

    public double ExcessDownsideSquares { get; init; }

    public int Positive { get; init; }

    public int Negative { get; init; }

    public int NonNegative { get; init; }

    public int NonZero { get; init; }

    public int LongestWinRun { get; init; }

    public int LongestLossRun { get; init; }

    /// <summary>Scans the returns once.</summary>
    /// <param name="returns">The returns.</param>
    /// <param name="rf">The per-period risk-free rate of the excess returns.</param>
    public static ReturnCounts Of(ReadOnlySpan<double> returns, double rf)
    {
        double growth = 1, sum = 0, positiveSum = 0, negativeSum = 0, zeroSum = 0, excessGains = 0, excessLosses = 0, downside = 0;
        int positive = 0, negative = 0, nonNegative = 0, winRun = 0, lossRun = 0, longestWin = 0, longestLoss = 0;
        foreach (double r in returns)
        {
            growth *= 1.0 + r;
            sum += r;
            double x = r - rf;
            if (x > 0)
            {
                excessGains += x;
            }
            else if (x < 0)
            {
                excessLosses -= x;
                downside += x * x;
            }

            if (r > 0)
            {
                positiveSum += r;
                positive++;
                winRun++;
                lossRun = 0;
                longestWin = Math.Max(longestWin, winRun);
            }
            else if (r < 0)
            {
                negativeSum += r;
                negative++;
                lossRun++;
                winRun = 0;
                longestLoss = Math.Max(longestLoss, lossRun);
            }
            else
            {
                zeroSum += r;
                winRun = 0;
                lossRun = 0;
            }

            nonNegative += r >= 0 ? 1 : 0;
        }

        return new ReturnCounts
        {
            Growth = growth,
            Sum = sum,
            Gains = positiveSum + zeroSum,
            Losses = -negativeSum,
            PositiveSum = positiveSum,
            NegativeSum = negativeSum,
            ExcessGains = excessGains,
            ExcessLosses = excessLosses,
            ExcessDownsideSquares = downside,
            Positive = positive,
            Negative = negative,
            NonNegative = nonNegative,
            NonZero = positive + negative,
            LongestWinRun = longestWin,
            LongestLossRun = longestLoss,
        };
    }
}
