using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Trading;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;
using QuantFunctions.Stages.Trading;

namespace QuantFunctions.Stages.Meta;

/// <summary>
/// <c>meta.orders</c>: nets the meta-portfolio into target weights per symbol (Σ over sleeves of sleeve weight × the
/// sleeve's flattened positions) and sizes orders with <see cref="OrderSizer"/> against the current book (a positions
/// file, the latest paper book, or flat), the last bronze close on or before the as-of date, and the capital (the paper
/// book's equity when there is one). Writes gold <c>orders</c> — the decision trail per symbol (Parquet) and
/// <c>orders.json</c> — and records the document in the audit ledger.
/// </summary>
public sealed class OrdersStage : LakeStage<OrdersParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "meta.orders";

    /// <inheritdoc/>
    protected override async Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, OrdersParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        var inputs = new List<StageInput> { StageDatasets.GoldInput(context, parameters.Meta, AggregateStage.SleeveWeightsDataset) };
        LakePath weightsPath = StageDatasets.GoldPart(context, parameters.Meta, AggregateStage.SleeveWeightsDataset);
        if (await context.Lake.GetInfoAsync(weightsPath, cancellationToken) is not null)
        {
            LakeTable weights = await LakeTableStore.ReadAsync(context.Lake, weightsPath, ["sleeve"], cancellationToken);
            foreach (string sleeve in weights.Strings("sleeve"))
            {
                inputs.Add(StageDatasets.GoldInput(context, sleeve, PositionsTable.Dataset));
            }
        }

        return inputs;
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, OrdersParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        (SortedDictionary<string, double> target, long rowsRead) = await TargetsAsync(context, parameters, cancellationToken);
        DateOnly date = TradingDay(context.AsOf);
        var paper = new PaperStore(context.Lake, LakeIdentifier.Parse(parameters.Meta, "meta"), LakeIdentifier.Parse(parameters.PaperPipeline, "paper_pipeline"), SemVer.Parse(parameters.PaperVersion));
        CurrentHoldings holdings = await CurrentHoldings.ResolveAsync(context.Lake, parameters.Positions, paper, date, cancellationToken);
        var symbols = new SortedSet<string>(target.Keys, StringComparer.Ordinal);
        symbols.UnionWith(holdings.Units.Keys);
        BronzePrices bars = await BronzePrices.LoadAsync(context.Lake, symbols, date.AddDays(-14), date, cancellationToken);
        Dictionary<string, double> prices = bars.LastCloses(symbols, date);
        BronzePrices.RequirePrices(symbols, prices, date);

        double capital = holdings.Equity ?? parameters.Capital;
        OrderSizingOptions sizing = VenueParameters.Sizing(capital, parameters.PartialRebalance, parameters.DefaultVenue, parameters.Venues, date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        OrderPlan plan = OrderSizer.Plan(target, holdings.Units, prices, sizing);

        LakePath part = StageDatasets.GoldPart(context, parameters.Meta, OrdersTable.Dataset);
        await LakeWrites.WriteTableOnceAsync(context.Lake, part, OrdersTable.From(plan), cancellationToken);
        var header = new JsonObject
        {
            ["run_id"] = context.RunId.Value,
            ["as_of"] = context.AsOf.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["price_date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["positions_source"] = holdings.Source,
            ["partial_rebalance"] = parameters.PartialRebalance,
            ["default_venue"] = JsonSerializer.SerializeToNode(parameters.DefaultVenue, StageJson.Options),
            ["venues"] = JsonSerializer.SerializeToNode(new SortedDictionary<string, VenueParameters>(parameters.Venues, StringComparer.Ordinal), StageJson.Options),
        };
        JsonObject document = OrdersTable.ToJson(plan, header);
        LakePath json = StageDatasets.GoldFile(context, parameters.Meta, OrdersTable.Dataset, OrdersTable.JsonFile);
        await LakeWrites.WriteBytesOnceAsync(context.Lake, json, StageJson.ToBytes(document), cancellationToken);
        await context.AuditAsync("orders", document.DeepClone().AsObject(), cancellationToken);
        var summary = new JsonObject { ["orders"] = plan.Orders.Count, ["skipped"] = plan.Decisions.Count - plan.Orders.Count, ["gross_notional"] = GrossNotional(plan), ["positions_source"] = holdings.Source };
        return new StageResult { RowsRead = rowsRead, RowsWritten = plan.Decisions.Count, Outputs = [Output("orders", part), Output("orders_json", json)], Summary = summary };
    }

    /// <summary>The trading day an as-of time closes: the last whole day before it (the demo's 2024-01-03T00:00Z → 2024-01-02).</summary>
    public static DateOnly TradingDay(DateTimeOffset asOf) => DateOnly.FromDateTime(asOf.UtcDateTime.AddTicks(-1));

    private static async Task<(SortedDictionary<string, double> Target, long RowsRead)> TargetsAsync(StageContext context, OrdersParameters parameters, CancellationToken cancellationToken)
    {
        LakeTable sleeveWeights = await LakeTableStore.ReadAsync(context.Lake, StageDatasets.GoldPart(context, parameters.Meta, AggregateStage.SleeveWeightsDataset), cancellationToken: cancellationToken);
        string[] sleeves = sleeveWeights.Strings("sleeve");
        double[] weights = sleeveWeights.Doubles("weight");
        var target = new SortedDictionary<string, double>(StringComparer.Ordinal);
        long rowsRead = sleeveWeights.RowCount;
        for (int s = 0; s < sleeves.Length; s++)
        {
            LakeTable positions = await LakeTableStore.ReadAsync(context.Lake, StageDatasets.GoldPart(context, sleeves[s], PositionsTable.Dataset), cancellationToken: cancellationToken);
            string[] symbols = positions.Strings("symbol");
            double[] w = positions.Doubles("weight");
            for (int i = 0; i < symbols.Length; i++)
            {
                target[symbols[i]] = target.GetValueOrDefault(symbols[i]) + (weights[s] * w[i]);
            }

            rowsRead += positions.RowCount;
        }

        return (target, rowsRead);
    }

    private static double GrossNotional(OrderPlan plan)
    {
        double total = 0;
        foreach (PlannedOrder o in plan.Orders)
        {
            total += o.Notional;
        }

        return total;
    }
}
