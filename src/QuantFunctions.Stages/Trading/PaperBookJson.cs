using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Paper;
using QuantFunctions.Core.Trading;

namespace QuantFunctions.Stages.Trading;

/// <summary><c>book.json</c>: a <see cref="PaperBook"/> with the day's targets (for drift), written and read back exactly.</summary>
public static class PaperBookJson
{
    /// <summary>The document of a book, its starting capital, the targets it trades to and the limits it is held to.</summary>
    public static JsonObject ToJson(PaperBook book, double capital, IReadOnlyDictionary<string, double> targets, RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(limits);
        var positions = new JsonArray();
        foreach (KeyValuePair<string, double> p in book.Positions)
        {
            positions.Add(new JsonObject { ["symbol"] = p.Key, ["quantity"] = p.Value, ["mark"] = book.Marks[p.Key] });
        }

        var pending = new JsonArray();
        foreach (PlannedOrder o in book.Pending)
        {
            pending.Add(new JsonObject { ["order_id"] = o.OrderId, ["sequence"] = o.Sequence, ["symbol"] = o.Symbol, ["side"] = OrdersTable.SideOf(o.Side), ["quantity"] = o.Quantity, ["limit_price"] = o.LimitPrice, ["notional"] = o.Notional });
        }

        var target = new JsonObject();
        foreach (KeyValuePair<string, double> t in targets.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            target[t.Key] = t.Value;
        }

        return new JsonObject
        {
            ["date"] = book.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["capital"] = capital,
            ["cash"] = book.Cash,
            ["equity"] = book.Equity,
            ["peak_equity"] = book.PeakEquity,
            ["kill_switch"] = new JsonObject
            {
                ["tripped"] = book.KillSwitch.Tripped,
                ["reason"] = book.KillSwitch.Reason,
                ["date"] = book.KillSwitch.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            ["positions"] = positions,
            ["pending"] = pending,
            ["targets"] = target,
            ["limits"] = new JsonObject
            {
                ["max_gross_leverage"] = limits.MaxGrossLeverage,
                ["max_asset_notional"] = limits.MaxAssetNotional,
                ["max_daily_loss"] = limits.MaxDailyLoss,
                ["max_drawdown"] = limits.MaxDrawdown,
                ["flatten_on_trip"] = limits.FlattenOnTrip,
            },
        };
    }

    /// <summary>Reads a book back.</summary>
    /// <exception cref="TradingException">A member is missing or of the wrong type.</exception>
    public static (PaperBook Book, double Capital, Dictionary<string, double> Targets) FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var positions = new SortedDictionary<string, double>(StringComparer.Ordinal);
            var marks = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (JsonNode? p in json["positions"]!.AsArray())
            {
                string symbol = p!["symbol"]!.GetValue<string>();
                positions[symbol] = p["quantity"]!.GetValue<double>();
                marks[symbol] = p["mark"]!.GetValue<double>();
            }

            var pending = new List<PlannedOrder>();
            foreach (JsonNode? o in json["pending"]!.AsArray())
            {
                OrderSide side = o!["side"]!.GetValue<string>() == "buy" ? OrderSide.Buy : OrderSide.Sell;
                pending.Add(new PlannedOrder(o["order_id"]!.GetValue<string>(), o["sequence"]!.GetValue<int>(), new Order(o["symbol"]!.GetValue<string>(), side, o["quantity"]!.GetValue<double>()), o["limit_price"]!.GetValue<double>(), o["notional"]!.GetValue<double>()));
            }

            var targets = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, JsonNode?> t in json["targets"]!.AsObject())
            {
                targets[t.Key] = t.Value!.GetValue<double>();
            }

            JsonObject kill = json["kill_switch"]!.AsObject();
            var killSwitch = new KillSwitch(kill["tripped"]!.GetValue<bool>(), kill["reason"]?.GetValue<string>(), kill["date"] is JsonNode d ? DateOnly.ParseExact(d.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
            DateOnly? date = json["date"] is JsonNode day ? DateOnly.ParseExact(day.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var book = new PaperBook(date, json["cash"]!.GetValue<double>(), positions, marks, json["equity"]!.GetValue<double>(), json["peak_equity"]!.GetValue<double>(), killSwitch, pending);
            return (book, json["capital"]!.GetValue<double>(), targets);
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new TradingException("book.json is malformed: " + ex.Message, ex);
        }
    }
}
