using System.Text.Json.Nodes;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Trading;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Stages.Trading;

/// <summary>
/// The gold <c>orders</c> dataset and <c>orders.json</c>: the decision trail of an <see cref="OrderPlan"/>, one row per
/// symbol (target, current, delta, the order sent or why it was skipped), and the orders in sending order.
/// </summary>
public static class OrdersTable
{
    /// <summary>Dataset name under gold.</summary>
    public const string Dataset = "orders";

    /// <summary>The JSON document's file name.</summary>
    public const string JsonFile = "orders.json";

    /// <summary>The decision trail as a table, by symbol.</summary>
    public static LakeTable From(OrderPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        int n = plan.Decisions.Count;
        var bySymbol = new Dictionary<string, PlannedOrder>(StringComparer.Ordinal);
        foreach (PlannedOrder o in plan.Orders)
        {
            bySymbol[o.Symbol] = o;
        }

        string[] symbol = new string[n], reason = new string[n], orderId = new string[n], side = new string[n];
        double[] price = new double[n], target = new double[n], current = new double[n], targetQty = new double[n], delta = new double[n], notional = new double[n], quantity = new double[n], limit = new double[n];
        int[] sequence = new int[n];
        for (int i = 0; i < n; i++)
        {
            OrderDecision d = plan.Decisions[i];
            (symbol[i], price[i], target[i], current[i], targetQty[i], delta[i], notional[i]) = (d.Symbol, d.Price, d.TargetWeight, d.CurrentQuantity, d.TargetQuantity, d.DeltaQuantity, d.DeltaNotional);
            reason[i] = ReasonOf(d.SkipReason);
            PlannedOrder? o = bySymbol.GetValueOrDefault(d.Symbol);
            (orderId[i], sequence[i], side[i], quantity[i], limit[i]) = o is null ? (string.Empty, 0, string.Empty, 0, 0) : (o.OrderId, o.Sequence, SideOf(o.Side), o.Quantity, o.LimitPrice);
        }

        return new LakeTable(Dataset,
        [
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbol),
            ColumnBuffer.Create(ParquetColumn.Double("price"), price),
            ColumnBuffer.Create(ParquetColumn.Double("target_weight"), target),
            ColumnBuffer.Create(ParquetColumn.Double("current_quantity"), current),
            ColumnBuffer.Create(ParquetColumn.Double("target_quantity"), targetQty),
            ColumnBuffer.Create(ParquetColumn.Double("delta_quantity"), delta),
            ColumnBuffer.Create(ParquetColumn.Double("delta_notional"), notional),
            ColumnBuffer.Create(ParquetColumn.String("skip_reason"), reason),
            ColumnBuffer.Create(ParquetColumn.String("order_id"), orderId),
            ColumnBuffer.Create(ParquetColumn.Int32("sequence"), sequence),
            ColumnBuffer.Create(ParquetColumn.String("side"), side),
            ColumnBuffer.Create(ParquetColumn.Double("quantity"), quantity),
            ColumnBuffer.Create(ParquetColumn.Double("limit_price"), limit),
        ]);
    }

    /// <summary>The target weight per symbol recorded in a decision trail table (the inputs a paper step trades to).</summary>
    public static Dictionary<string, double> TargetsOf(LakeTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        string[] symbols = table.Strings("symbol");
        double[] weights = table.Doubles("target_weight");
        var targets = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < symbols.Length; i++)
        {
            if (weights[i] != 0)
            {
                targets[symbols[i]] = weights[i];
            }
        }

        return targets;
    }

    /// <summary><c>orders.json</c>: <paramref name="header"/>'s members, then the orders in sending order and the skipped symbols with their reasons.</summary>
    public static JsonObject ToJson(OrderPlan plan, JsonObject header)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(header);
        var targets = new Dictionary<string, double>(StringComparer.Ordinal);
        var orders = new JsonArray();
        var skipped = new JsonArray();
        var counts = new JsonObject();
        foreach (OrderDecision d in plan.Decisions)
        {
            targets[d.Symbol] = d.TargetWeight;
            if (d.SkipReason != OrderSkipReason.None)
            {
                skipped.Add(new JsonObject { ["symbol"] = d.Symbol, ["reason"] = ReasonOf(d.SkipReason), ["delta_quantity"] = d.DeltaQuantity, ["delta_notional"] = Math.Round(d.DeltaNotional, 2) });
            }
        }

        foreach (PlannedOrder o in plan.Orders)
        {
            orders.Add(new JsonObject
            {
                ["order_id"] = o.OrderId,
                ["sequence"] = o.Sequence,
                ["symbol"] = o.Symbol,
                ["side"] = SideOf(o.Side),
                ["quantity"] = o.Quantity,
                ["limit_price"] = o.LimitPrice,
                ["notional"] = Math.Round(o.Notional, 2),
                ["target_weight"] = targets[o.Symbol],
            });
        }

        foreach (OrderSkipReason reason in Enum.GetValues<OrderSkipReason>())
        {
            if (reason != OrderSkipReason.None)
            {
                counts[ReasonOf(reason)] = plan.SkippedFor(reason);
            }
        }

        JsonObject document = header.DeepClone().AsObject();
        document["capital"] = plan.Capital;
        document["order_count"] = orders.Count;
        document["orders"] = orders;
        document["skipped_count"] = counts;
        document["skipped"] = skipped;
        return document;
    }

    /// <summary>The stable name of a skip reason (empty for none).</summary>
    public static string ReasonOf(OrderSkipReason reason) => reason switch
    {
        OrderSkipReason.None => string.Empty,
        OrderSkipReason.ZeroLots => "zero_lots",
        OrderSkipReason.BelowPartialRebalance => "below_partial_rebalance",
        _ => "below_min_notional",
    };

    /// <summary><c>buy</c> or <c>sell</c>.</summary>
    public static string SideOf(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";
}
