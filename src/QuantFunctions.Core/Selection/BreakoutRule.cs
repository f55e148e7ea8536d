using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Selection;

/// <summary>
/// Selection v5.1 (advanced trend filters): ADX regime — ADX &gt; threshold and +DI &gt; −DI (long) or −DI &gt; +DI
/// (short) — and a Donchian breakout — the close within <c>near</c>·(upper − lower) of the upper band (long) or the lower
/// band (short). Score = +DI − −DI (long) or −DI − +DI (short). A flat channel (upper = lower) puts the close at its middle.
/// </summary>
public static class BreakoutRule
{
    /// <summary>Evaluates the rule.</summary>
    /// <returns>The oriented score (NaN when an input is NaN) and whether both filters pass.</returns>
    public static (double Score, bool Qualified) Evaluate(
        double adx, double plusDi, double minusDi, double close, double upper, double lower, SelectionOptions options, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (double.IsNaN(adx) || double.IsNaN(plusDi) || double.IsNaN(minusDi) || double.IsNaN(close) || double.IsNaN(upper) || double.IsNaN(lower))
        {
            return (double.NaN, false);
        }

        double width = upper - lower;
        double position = width > 0 ? (close - lower) / width : 0.5;
        bool longSide = direction == Direction.Long;
        double spread = longSide ? plusDi - minusDi : minusDi - plusDi;
        bool breakout = longSide ? position >= 1.0 - options.BreakoutNear : position <= options.BreakoutNear;
        return (spread, adx > options.AdxThreshold && spread > 0 && breakout);
    }
}
