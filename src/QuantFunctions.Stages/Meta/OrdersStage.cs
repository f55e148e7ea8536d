using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Meta;

/// <summary>
/// <c>meta.orders</c>: nets the meta-portfolio into target physical weights per symbol
/// (Σ over sleeves of sleeve weight × the sleeve's flattened positions) and sizes orders against the
/// capital, from a flat book. Writes gold <c>orders</c> (Parquet) and <c>orders.json</c>, and records
/// every order in the audit ledger.
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

        var symbolsOut = new List<string>();
        var weightOut = new List<double>();
        var notionalOut = new List<double>();
        var sideOut = new List<string>();
        var orders = new JsonArray();
        int skipped = 0;
        foreach ((string symbol, double weight) in target)
        {
            double notional = weight * parameters.Capital;
            if (Math.Abs(notional) < parameters.MinNotional)
            {
                skipped++;
                continue;
            }

            string side = notional > 0 ? "BUY" : "SELL";
            symbolsOut.Add(symbol);
            weightOut.Add(weight);
            notionalOut.Add(notional);
            sideOut.Add(side);
            orders.Add(new JsonObject { ["symbol"] = symbol, ["side"] = side, ["target_weight"] = weight, ["notional"] = Math.Round(notional, 2) });
        }

        var table = new LakeTable("orders",
        [
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbolsOut.ToArray()),
            ColumnBuffer.Create(ParquetColumn.String("side"), sideOut.ToArray()),
            ColumnBuffer.Create(ParquetColumn.Double("target_weight"), weightOut.ToArray()),
            ColumnBuffer.Create(ParquetColumn.Double("notional"), notionalOut.ToArray()),
        ]);
        LakePath part = StageDatasets.GoldPart(context, parameters.Meta, "orders");
        await LakeWrites.WriteTableOnceAsync(context.Lake, part, table, cancellationToken);
        var document = new JsonObject
        {
            ["run_id"] = context.RunId.Value,
            ["as_of"] = context.AsOf.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["capital"] = parameters.Capital,
            ["orders"] = orders,
            ["skipped_below_min_notional"] = skipped,
        };
        LakePath json = StageDatasets.GoldFile(context, parameters.Meta, "orders", "orders.json");
        await LakeWrites.WriteBytesOnceAsync(context.Lake, json, StageJson.ToBytes(document), cancellationToken);
        await context.AuditAsync("orders", document.DeepClone().AsObject(), cancellationToken);
        var summary = new JsonObject { ["orders"] = orders.Count, ["skipped"] = skipped, ["gross_notional"] = Sum(notionalOut) };
        return new StageResult { RowsRead = rowsRead, RowsWritten = orders.Count, Outputs = [Output("orders", part), Output("orders_json", json)], Summary = summary };
    }

    private static double Sum(List<double> values)
    {
        double total = 0;
        foreach (double v in values)
        {
            total += Math.Abs(v);
        }

        return total;
    }
}
