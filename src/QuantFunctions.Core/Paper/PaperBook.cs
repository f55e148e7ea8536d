using QuantFunctions.Core.Trading;

namespace QuantFunctions.Core.Paper;

/// <summary>
/// The state of a paper account after a trading day's close: cash, units held, the marks they are valued at, equity
/// (carried forward independently of the cash and positions, so conservation can be checked), the equity peak, the
/// kill switch and the orders waiting for the next open.
/// </summary>
/// <param name="Date">The last day processed (null for a book not yet traded).</param>
/// <param name="Cash">Cash (account currency; may be above capital after short sales).</param>
/// <param name="Positions">Units per symbol (ordinal; negative = short); no zero entries.</param>
/// <param name="Marks">The last price each held symbol was valued at.</param>
/// <param name="Equity">Equity carried forward: previous equity + price moves of holdings − commissions − slippage.</param>
/// <param name="PeakEquity">The highest close equity since the start or the last resume.</param>
/// <param name="KillSwitch">The kill switch.</param>
/// <param name="Pending">Orders accepted at the last close, to fill at the next open.</param>
public sealed record PaperBook(
    DateOnly? Date,
    double Cash,
    IReadOnlyDictionary<string, double> Positions,
    IReadOnlyDictionary<string, double> Marks,
    double Equity,
    double PeakEquity,
    KillSwitch KillSwitch,
    IReadOnlyList<PlannedOrder> Pending)
{
    /// <summary>A new all-cash book.</summary>
    /// <exception cref="TradingException">Capital not finite and positive.</exception>
    public static PaperBook Open(double capital) =>
        double.IsFinite(capital) && capital > 0
            ? new PaperBook(null, capital, new SortedDictionary<string, double>(StringComparer.Ordinal), new SortedDictionary<string, double>(StringComparer.Ordinal), capital, capital, KillSwitch.Armed, [])
            : throw new TradingException($"paper capital must be finite and > 0 (got {capital})");

    /// <summary>Cash + Σ units × mark: what the account is worth at its marks.</summary>
    public double MarkedValue()
    {
        double value = Cash;
        foreach (KeyValuePair<string, double> p in Positions)
        {
            value += p.Value * Marks[p.Key];
        }

        return value;
    }

    /// <summary>Σ |units × mark| / equity.</summary>
    public double GrossLeverage()
    {
        double gross = 0;
        foreach (KeyValuePair<string, double> p in Positions)
        {
            gross += Math.Abs(p.Value * Marks[p.Key]);
        }

        return Equity > 0 ? gross / Equity : double.PositiveInfinity;
    }
}
