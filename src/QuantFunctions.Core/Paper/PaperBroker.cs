using System.Globalization;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Trading;

namespace QuantFunctions.Core.Paper;

/// <summary>
/// The paper broker (seed 002 L5–L6): one pure step per trading day. At the open it fills the orders pending from the
/// last close through the shared <see cref="FillModel"/> at the open price; at the close it marks the book, checks the
/// daily-loss and drawdown limits (a breach trips the kill switch), and sizes the orders to the day's targets with
/// <see cref="OrderSizer"/> against the day's equity, refusing those that break a pre-trade limit, or all of them when the
/// kill switch is tripped. Accepted orders wait in the book for the next open.
/// </summary>
/// <remarks>
/// Equity is carried forward on its own — previous equity + Σ units × price move − commission − slippage — and after
/// every fill equals cash + Σ units × mark (the conservation check; <see cref="PaperFill"/> carries both).
/// </remarks>
public static class PaperBroker
{
    /// <summary>Runs one day.</summary>
    /// <exception cref="TradingException">The day is not after the book's last day (<see cref="ErrorCodes.TradingBookState"/>), a held symbol has never had a price (<see cref="ErrorCodes.TradingMissingPrice"/>), or invalid input.</exception>
    public static PaperDay Step(PaperBook book, PaperDayInput input)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(input);
        input.Limits.Validate();
        if (book.Date is DateOnly last && input.Date <= last)
        {
            throw new TradingException(ErrorCodes.TradingBookState, $"paper day {input.Date:yyyy-MM-dd} is not after the book's last day {last:yyyy-MM-dd}");
        }

        var positions = new SortedDictionary<string, double>(book.Positions.ToDictionary(), StringComparer.Ordinal);
        var marks = new SortedDictionary<string, double>(book.Marks.ToDictionary(), StringComparer.Ordinal);
        var pricePnl = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var costs = new SortedDictionary<string, double>(StringComparer.Ordinal);
        double cash = book.Cash, equity = book.Equity;

        // Open: move the marks to the open, then fill the pending orders in sequence.
        equity += MoveMarks(positions, marks, input.Open, pricePnl);
        var fills = new List<PaperFill>();
        var rejects = new List<PaperReject>();
        var carried = new List<PlannedOrder>();
        foreach (PlannedOrder pending in book.Pending)
        {
            if (!(input.Open.TryGetValue(pending.Symbol, out double reference) && double.IsFinite(reference) && reference > 0))
            {
                carried.Add(pending);
                continue;
            }

            FillModel model = new(input.Sizing.RulesOf(pending.Symbol).FillOptions(input.FrictionOf(pending.Symbol), allowShort: true));
            Fill fill = model.Execute(pending.Order, reference, cash, positions.GetValueOrDefault(pending.Symbol));
            if (!fill.IsFilled)
            {
                rejects.Add(new PaperReject(pending.OrderId, pending.Symbol, "fill", fill.ReasonCode));
                continue;
            }

            cash += fill.CashChange;
            double units = positions.GetValueOrDefault(pending.Symbol) + fill.PositionChange;
            marks[pending.Symbol] = reference;
            SetPosition(positions, marks, pending.Symbol, units);
            double cost = fill.Commission + fill.SlippageCost;
            equity -= cost;
            costs[pending.Symbol] = costs.GetValueOrDefault(pending.Symbol) + cost;
            fills.Add(new PaperFill(pending.OrderId, fill, cash, Marked(cash, positions, marks), equity));
        }

        // Close: mark, check the loss limits, size the next orders.
        equity += MoveMarks(positions, marks, input.Close, pricePnl);
        EnsureMarked(positions, marks);
        double peak = Math.Max(book.PeakEquity, equity);
        KillSwitch killSwitch = book.KillSwitch;
        string? tripped = null;
        if (!killSwitch.Tripped)
        {
            tripped = LossBreach(book.Equity, equity, peak, input.Limits);
            killSwitch = tripped is null ? killSwitch : new KillSwitch(true, tripped, input.Date);
        }

        var closeBook = new PaperBook(input.Date, cash, positions, marks, equity, peak, killSwitch, []);
        OrderSizingOptions sizing = input.Sizing with { Capital = Math.Max(equity, double.Epsilon), OrderIdPrefix = input.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) };
        IReadOnlyDictionary<string, double> targets = Tradable(killSwitch.Tripped && input.Limits.FlattenOnTrip ? new Dictionary<string, double>() : input.Targets, input.Close, carried);
        OrderPlan plan = OrderSizer.Plan(targets, Tradable(positions, input.Close, carried), input.Close, sizing);
        List<PlannedOrder> accepted = killSwitch.Tripped && !input.Limits.FlattenOnTrip
            ? RejectAll(plan, "kill_switch", rejects)
            : killSwitch.Tripped ? [.. plan.Orders] : PreTrade(closeBook, plan, input.Limits, rejects);
        var pnl = new List<AssetPnl>();
        var symbols = new SortedSet<string>(pricePnl.Keys, StringComparer.Ordinal);
        symbols.UnionWith(costs.Keys);
        foreach (string symbol in symbols)
        {
            pnl.Add(new AssetPnl(symbol, pricePnl.GetValueOrDefault(symbol), costs.GetValueOrDefault(symbol)));
        }

        return new PaperDay(closeBook with { Pending = [.. carried, .. accepted] }, fills, rejects, plan, pnl, tripped, book.Equity);
    }

    /// <summary>Clears a tripped kill switch (the caller records the audited reason); the equity peak restarts at the current equity.</summary>
    /// <exception cref="TradingException"><see cref="ErrorCodes.TradingBookState"/>: the kill switch is not tripped.</exception>
    public static PaperBook Resume(PaperBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return book.KillSwitch.Tripped
            ? book with { KillSwitch = KillSwitch.Armed, PeakEquity = book.Equity }
            : throw new TradingException(ErrorCodes.TradingBookState, "the kill switch is not tripped: nothing to resume");
    }

    private static string? LossBreach(double previous, double equity, double peak, RiskLimits limits)
    {
        double dailyLoss = previous > 0 ? (previous - equity) / previous : 0;
        double drawdown = peak > 0 ? 1 - (equity / peak) : 0;
        return drawdown > limits.MaxDrawdown
            ? string.Create(CultureInfo.InvariantCulture, $"max_drawdown: drawdown {drawdown:P2} from peak {peak:F2} exceeds {limits.MaxDrawdown:P2}")
            : dailyLoss > limits.MaxDailyLoss
                ? string.Create(CultureInfo.InvariantCulture, $"max_daily_loss: loss {dailyLoss:P2} from {previous:F2} exceeds {limits.MaxDailyLoss:P2}")
                : null;
    }

    private static List<PlannedOrder> RejectAll(OrderPlan plan, string reason, List<PaperReject> rejects)
    {
        foreach (PlannedOrder order in plan.Orders)
        {
            rejects.Add(new PaperReject(order.OrderId, order.Symbol, "pre_trade", reason));
        }

        return [];
    }

    // Accepts orders in sequence while the book after them stays within the gross-leverage and per-asset limits (at the close marks).
    private static List<PlannedOrder> PreTrade(PaperBook book, OrderPlan plan, RiskLimits limits, List<PaperReject> rejects)
    {
        var units = new Dictionary<string, double>(book.Positions.ToDictionary(), StringComparer.Ordinal);
        double gross = book.GrossLeverage() * book.Equity;
        var accepted = new List<PlannedOrder>();
        foreach (PlannedOrder order in plan.Orders)
        {
            double price = order.Notional / order.Quantity;
            double before = units.GetValueOrDefault(order.Symbol);
            double after = before + (order.Side == OrderSide.Buy ? order.Quantity : -order.Quantity);
            double grossAfter = gross - Math.Abs(before * price) + Math.Abs(after * price);
            string? reason = limits.MaxAssetNotional > 0 && Math.Abs(after * price) > limits.MaxAssetNotional && Math.Abs(after) > Math.Abs(before) ? "max_asset_notional"
                : grossAfter > limits.MaxGrossLeverage * book.Equity && grossAfter > gross ? "max_gross_leverage"
                : null;
            if (reason is not null)
            {
                rejects.Add(new PaperReject(order.OrderId, order.Symbol, "pre_trade", reason));
                continue;
            }

            units[order.Symbol] = after;
            gross = grossAfter;
            accepted.Add(order);
        }

        return accepted;
    }

    private static double MoveMarks(SortedDictionary<string, double> positions, SortedDictionary<string, double> marks, IReadOnlyDictionary<string, double> prices, SortedDictionary<string, double> pnl)
    {
        double total = 0;
        foreach (KeyValuePair<string, double> p in positions)
        {
            if (prices.TryGetValue(p.Key, out double price) && double.IsFinite(price) && price > 0)
            {
                double move = p.Value * (price - marks[p.Key]);
                pnl[p.Key] = pnl.GetValueOrDefault(p.Key) + move;
                total += move;
                marks[p.Key] = price;
            }
            else
            {
                pnl[p.Key] = pnl.GetValueOrDefault(p.Key);
            }
        }

        return total;
    }

    private static void SetPosition(SortedDictionary<string, double> positions, SortedDictionary<string, double> marks, string symbol, double units)
    {
        double rounded = Math.Round(units, 10);
        if (rounded == 0)
        {
            positions.Remove(symbol);
            marks.Remove(symbol);
        }
        else
        {
            positions[symbol] = rounded;
        }
    }

    private static void EnsureMarked(SortedDictionary<string, double> positions, SortedDictionary<string, double> marks)
    {
        foreach (string symbol in positions.Keys)
        {
            if (!marks.ContainsKey(symbol))
            {
                throw new TradingException(ErrorCodes.TradingMissingPrice, $"'{symbol}' is held but has never had a price");
            }
        }
    }

    private static double Marked(double cash, SortedDictionary<string, double> positions, SortedDictionary<string, double> marks)
    {
        double value = cash;
        foreach (KeyValuePair<string, double> p in positions)
        {
            value += p.Value * marks[p.Key];
        }

        return value;
    }

    // Symbols are sized only on a day they close (a market that did not trade keeps its holding and any order still pending).
    private static Dictionary<string, double> Tradable(IReadOnlyDictionary<string, double> values, IReadOnlyDictionary<string, double> close, List<PlannedOrder> carried)
    {
        var tradable = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, double> kv in values)
        {
            if (close.TryGetValue(kv.Key, out double price) && double.IsFinite(price) && price > 0 && !carried.Exists(o => string.Equals(o.Symbol, kv.Key, StringComparison.Ordinal)))
            {
                tradable[kv.Key] = kv.Value;
            }
        }

        return tradable;
    }
}
