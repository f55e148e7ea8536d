using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Core.Strategies;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Alpha;

/// <summary>
/// <c>alpha.allocate</c>: allocates the sleeve's atoms with the named engine on the trailing
/// <c>allocation_lookback</c> sessions of their streams (complete rows only; dropped rows are counted),
/// with the engine's fallback chain. Writes gold <c>weights</c> (atom, symbol, direction, weight) and
/// <c>allocation/…/allocation.json</c> (diagnostics, constraint report, fallback steps).
/// </summary>
public sealed class AllocateStage : LakeStage<AllocateParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "alpha.allocate";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, AllocateParameters parameters, CancellationToken cancellationToken) =>
        SleeveDefinition.InputsAsync(context, StageDatasets.SleeveOf(context, parameters?.Sleeve), withSilver: false, ["selection", "streams"], cancellationToken);

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, AllocateParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        string sleeve = StageDatasets.SleeveOf(context, parameters.Sleeve);
        SleeveDefinition definition = await SleeveDefinition.ReadAsync(context, sleeve, cancellationToken);
        SleeveSpec spec = parameters.Engine is null ? definition.Spec : definition.Spec with { Engine = parameters.Engine };
        LakeTable streamsTable = await LakeTableStore.ReadAsync(context.Lake, StageDatasets.GoldPart(context, sleeve, "streams"), cancellationToken: cancellationToken);
        ReturnPanel streams = LongPanel.Pivot(streamsTable.Name, streamsTable.DateDays("date"), streamsTable.Strings("atom"), streamsTable.Doubles("ret"));
        LakeTable selection = await LakeTableStore.ReadAsync(context.Lake, StageDatasets.GoldPart(context, sleeve, "selection"), cancellationToken: cancellationToken);
        var byId = new Dictionary<string, StrategyAtom>(StringComparer.Ordinal);
        foreach (string symbol in selection.Strings("symbol"))
        {
            var atom = new StrategyAtom(Symbol.Parse(symbol), SleeveStrategy.Logic, spec.Direction);
            byId[atom.Id] = atom;
        }

        var atoms = new List<StrategyAtom>(streams.ColumnCount);
        foreach (string column in streams.Columns)
        {
            atoms.Add(byId.GetValueOrDefault(column) ?? throw new DatasetSchemaException($"streams of sleeve '{sleeve}': atom '{column}' is not in the selection"));
        }

        SleeveAllocation allocation = SleeveStrategy.Allocate(streams, atoms, spec);
        int n = atoms.Count;
        string[] atomIds = new string[n], symbols = new string[n], directions = new string[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            (atomIds[i], symbols[i], directions[i], weights[i]) = (atoms[i].Id, atoms[i].Asset.Value, atoms[i].Direction.ToString().ToUpperInvariant(), allocation.Result.Weights[i]);
        }

        var table = new LakeTable("weights",
        [
            ColumnBuffer.Create(ParquetColumn.String("atom"), atomIds),
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbols),
            ColumnBuffer.Create(ParquetColumn.String("direction"), directions),
            ColumnBuffer.Create(ParquetColumn.Double("weight"), weights),
        ]);
        LakePath part = StageDatasets.GoldPart(context, sleeve, "weights");
        await LakeWrites.WriteTableOnceAsync(context.Lake, part, table, cancellationToken);
        JsonNode report = JsonSerializer.SerializeToNode(allocation.Result, StageJson.Options)!;
        report["rows_used"] = allocation.RowsUsed;
        report["rows_dropped_incomplete"] = allocation.RowsDropped;
        LakePath reportPath = StageDatasets.GoldFile(context, sleeve, "allocation", "allocation.json");
        await LakeWrites.WriteBytesOnceAsync(context.Lake, reportPath, StageJson.ToBytes(report), cancellationToken);

        var weightsJson = new JsonObject();
        for (int i = 0; i < n; i++)
        {
            weightsJson[atomIds[i]] = weights[i];
        }

        var summary = new JsonObject
        {
            ["sleeve"] = sleeve,
            ["engine"] = allocation.Result.Engine,
            ["requested_engine"] = allocation.Result.RequestedEngine,
            ["success"] = allocation.Result.Success,
            ["fallback_steps"] = allocation.Result.FallbackSteps.Count,
            ["weights"] = weightsJson,
        };
        await context.AuditAsync("alpha.weights", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = streamsTable.RowCount, RowsWritten = n, Outputs = [Output("weights", part), Output("allocation", reportPath)], Summary = summary };
    }
}
