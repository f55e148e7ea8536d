using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Execution;

namespace QuantFunctions.Core.Trading;

/// <summary>
/// Turns target weights, current holdings and prices into orders (seed 002 L5): per symbol the target quantity is
/// <c>weight × capital / price</c>, the delta to the holding is rounded to the nearest whole lot of the symbol's venue
/// (ties to even), and the delta becomes an order unless it is zero lots, below the <c>partial_rebalance</c> threshold or
/// below the venue's minimum notional (each skip is kept in the decision trail with its reason). Orders go out sells
/// first, then buys, each by symbol; ids are derived from the content, so the same inputs give the same orders.
/// </summary>
public static class OrderSizer
{
    /// <summary>Sizes the orders.</summary>
    /// <param name="targets">Target weight per symbol (fractions of capital; negative = short). A held symbol absent here is closed.</param>
    /// <param name="holdings">Current quantity per symbol (units; negative = short).</param>
    /// <param name="prices">The sizing price per symbol (e.g. the last close).</param>
    /// <param name="options">Capital, threshold, venue rules and id prefix.</param>
    /// <exception cref="TradingException">Invalid options, a non-finite weight or holding (<see cref="ErrorCodes.TradingInvalidInput"/>), or a symbol without a positive price (<see cref="ErrorCodes.TradingMissingPrice"/>).</exception>
    public static OrderPlan Plan(IReadOnlyDictionary<string, double> targets, IReadOnlyDictionary<string, double> holdings, IReadOnlyDictionary<string, double> prices, OrderSizingOptions options)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(holdings);
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var symbols = new SortedSet<string>(targets.Keys, StringComparer.Ordinal);
        foreach (KeyValuePair<string, double> held in holdings)
        {
            if (!double.IsFinite(held.Value))
            {
                throw new TradingException($"holding of '{held.Key}' is not finite ({held.Value})");
            }

            if (held.Value != 0)
            {
                symbols.Add(held.Key);
            }
        }

        var decisions = new List<OrderDecision>(symbols.Count);
        foreach (string symbol in symbols)
        {
            decisions.Add(Decide(symbol, targets.GetValueOrDefault(symbol), holdings.GetValueOrDefault(symbol), PriceOf(prices, symbol), options));
        }

        var orders = new List<PlannedOrder>();
        AddOrders(decisions, OrderSide.Sell, options, orders);
        AddOrders(decisions, OrderSide.Buy, options, orders);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (PlannedOrder order in orders)
        {
            ids[order.Symbol] = order.OrderId;
        }

        for (int i = 0; i < decisions.Count; i++)
        {
            if (ids.TryGetValue(decisions[i].Symbol, out string? id))
            {
                decisions[i] = decisions[i] with { OrderId = id };
            }
        }

        return new OrderPlan(options.Capital, decisions, orders);
    }

    /// <summary>Rounds <paramref name="value"/> to the nearest multiple of <paramref name="step"/> (ties to even), trimming binary noise.</summary>
    public static double RoundToStep(double value, double step) => Math.Round(Math.Round(value / step, MidpointRounding.ToEven) * step, 10);

    private static double PriceOf(IReadOnlyDictionary<string, double> prices, string symbol) =>
        prices.TryGetValue(symbol, out double price) && double.IsFinite(price) && price > 0
            ? price
            : throw new TradingException(ErrorCodes.TradingMissingPrice, $"'{symbol}' has no positive price to size against");

    private static OrderDecision Decide(string symbol, double weight, double current, double price, OrderSizingOptions options)
    {
        if (!double.IsFinite(weight))
        {
            throw new TradingException($"target weight of '{symbol}' is not finite ({weight})");
        }

        VenueRules rules = options.RulesOf(symbol);
        double target = weight * options.Capital / price;
        double delta = RoundToStep(target - current, rules.LotSize);
        double notional = Math.Abs(delta) * price;
        OrderSkipReason skip = delta == 0 ? OrderSkipReason.ZeroLots
            : notional < options.PartialRebalance * options.Capital ? OrderSkipReason.BelowPartialRebalance
            : notional < rules.MinNotional ? OrderSkipReason.BelowMinNotional
            : OrderSkipReason.None;
        return new OrderDecision(symbol, price, weight, current, target, delta, notional, skip, null);
    }

    private static void AddOrders(List<OrderDecision> decisions, OrderSide side, OrderSizingOptions options, List<PlannedOrder> orders)
    {
        foreach (OrderDecision d in decisions)
        {
            if (d.SkipReason != OrderSkipReason.None || (d.DeltaQuantity < 0) != (side == OrderSide.Sell))
            {
                continue;
            }

            int sequence = orders.Count + 1;
            double quantity = Math.Abs(d.DeltaQuantity);
            double limit = RoundToStep(d.Price, options.RulesOf(d.Symbol).TickSize);
            orders.Add(new PlannedOrder(IdOf(options.OrderIdPrefix, sequence, d.Symbol, side, quantity), sequence, new Order(d.Symbol, side, quantity), limit, quantity * d.Price));
        }
    }

    private static string IdOf(string prefix, int sequence, string symbol, OrderSide side, double quantity)
    {
        string key = string.Create(CultureInfo.InvariantCulture, $"{prefix}|{symbol}|{side}|{quantity:R}");
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{sequence:0000}-{hash}");
    }
}
