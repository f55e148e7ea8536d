using System.Text.Json.Nodes;
using QuantFunctions.Core.Paper;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Stages.Trading;

/// <summary>The gold tables of a paper day: <c>fills</c>, <c>rejects</c> and <c>pnl</c>, and their audit forms.</summary>
public static class PaperTables
{
    /// <summary>The fills dataset.</summary>
    public const string FillsDataset = "fills";

    /// <summary>The rejects dataset.</summary>
    public const string RejectsDataset = "rejects";

    /// <summary>The PnL dataset.</summary>
    public const string PnlDataset = "pnl";

    /// <summary>One row per fill, in fill order.</summary>
    public static LakeTable Fills(IReadOnlyList<PaperFill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        int n = fills.Count;
        string[] id = new string[n], symbol = new string[n], side = new string[n];
        double[] qty = new double[n], reference = new double[n], price = new double[n], notional = new double[n], commission = new double[n], slippage = new double[n], cash = new double[n], marked = new double[n], equity = new double[n];
        for (int i = 0; i < n; i++)
        {
            PaperFill f = fills[i];
            (id[i], symbol[i], side[i]) = (f.OrderId, f.Fill.Order.Symbol, OrdersTable.SideOf(f.Fill.Order.Side));
            (qty[i], reference[i], price[i], notional[i], commission[i], slippage[i]) = (f.Fill.Quantity, f.Fill.ReferencePrice, f.Fill.Price, f.Fill.Notional, f.Fill.Commission, f.Fill.SlippageCost);
            (cash[i], marked[i], equity[i]) = (f.CashAfter, f.MarkedValueAfter, f.EquityAfter);
        }

        return new LakeTable(FillsDataset,
        [
            ColumnBuffer.Create(ParquetColumn.String("order_id"), id),
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbol),
            ColumnBuffer.Create(ParquetColumn.String("side"), side),
            ColumnBuffer.Create(ParquetColumn.Double("quantity"), qty),
            ColumnBuffer.Create(ParquetColumn.Double("reference_price"), reference),
            ColumnBuffer.Create(ParquetColumn.Double("price"), price),
            ColumnBuffer.Create(ParquetColumn.Double("notional"), notional),
            ColumnBuffer.Create(ParquetColumn.Double("commission"), commission),
            ColumnBuffer.Create(ParquetColumn.Double("slippage_cost"), slippage),
            ColumnBuffer.Create(ParquetColumn.Double("cash_after"), cash),
            ColumnBuffer.Create(ParquetColumn.Double("marked_value_after"), marked),
            ColumnBuffer.Create(ParquetColumn.Double("equity_after"), equity),
        ]);
    }

    /// <summary>One row per refused order.</summary>
    public static LakeTable Rejects(IReadOnlyList<PaperReject> rejects)
    {
        ArgumentNullException.ThrowIfNull(rejects);
        int n = rejects.Count;
        string[] id = new string[n], symbol = new string[n], stage = new string[n], reason = new string[n];
        for (int i = 0; i < n; i++)
        {
            (id[i], symbol[i], stage[i], reason[i]) = (rejects[i].OrderId, rejects[i].Symbol, rejects[i].Stage, rejects[i].Reason);
        }

        return new LakeTable(RejectsDataset,
        [
            ColumnBuffer.Create(ParquetColumn.String("order_id"), id),
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbol),
            ColumnBuffer.Create(ParquetColumn.String("stage"), stage),
            ColumnBuffer.Create(ParquetColumn.String("reason"), reason),
        ]);
    }

    /// <summary>PnL per symbol and its attribution to the sleeves that target it (<paramref name="sleeveShares"/>: symbol → sleeve → share of the target; unshared symbols go to <c>unassigned</c>).</summary>
    public static LakeTable Pnl(IReadOnlyList<AssetPnl> pnl, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> sleeveShares)
    {
        ArgumentNullException.ThrowIfNull(pnl);
        ArgumentNullException.ThrowIfNull(sleeveShares);
        var symbol = new List<string>();
        var sleeve = new List<string>();
        var pricePnl = new List<double>();
        var costs = new List<double>();
        var net = new List<double>();
        foreach (AssetPnl p in pnl)
        {
            IReadOnlyDictionary<string, double> shares = sleeveShares.TryGetValue(p.Symbol, out var s) && s.Count > 0 ? s : new Dictionary<string, double> { ["unassigned"] = 1.0 };
            foreach (KeyValuePair<string, double> share in shares.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                symbol.Add(p.Symbol);
                sleeve.Add(share.Key);
                pricePnl.Add(p.PricePnl * share.Value);
                costs.Add(p.Costs * share.Value);
                net.Add(p.Net * share.Value);
            }
        }

        return new LakeTable(PnlDataset,
        [
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbol.ToArray()),
            ColumnBuffer.Create(ParquetColumn.String("sleeve"), sleeve.ToArray()),
            ColumnBuffer.Create(ParquetColumn.Double("price_pnl"), pricePnl.ToArray()),
            ColumnBuffer.Create(ParquetColumn.Double("costs"), costs.ToArray()),
            ColumnBuffer.Create(ParquetColumn.Double("net"), net.ToArray()),
        ]);
    }

    /// <summary>Net PnL per sleeve of a <see cref="Pnl"/> table, by sleeve.</summary>
    public static JsonObject BySleeve(LakeTable pnl)
    {
        ArgumentNullException.ThrowIfNull(pnl);
        var totals = new SortedDictionary<string, double>(StringComparer.Ordinal);
        string[] sleeves = pnl.Strings("sleeve");
        double[] net = pnl.Doubles("net");
        for (int i = 0; i < sleeves.Length; i++)
        {
            totals[sleeves[i]] = totals.GetValueOrDefault(sleeves[i]) + net[i];
        }

        var json = new JsonObject();
        foreach (KeyValuePair<string, double> t in totals)
        {
            json[t.Key] = Math.Round(t.Value, 2);
        }

        return json;
    }
}
