using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Regime;
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
/// with the engine's fallback chain, under the sleeve constraints (<see cref="SleeveConstraints"/>): the cluster cap of
/// the as-of regime from <c>alpha.regime</c>'s artifact (NORMAL's 0.25 when the run has none, recorded as the default)
/// and, for a market-neutral sleeve (LONG and SHORT atoms), |wᵀβ| ≤ 0.15 with each atom's β its asset's against the
/// universe's equal-weight silver benchmark, negated for a SHORT atom.
/// Writes gold <c>weights</c> (atom, symbol, direction, weight) and <c>allocation/…/allocation.json</c> (diagnostics,
/// constraint report, fallback steps, the constraints and their sources); the ledger entry carries the regime, the
/// constraint outcome and every fallback step.
/// </summary>
public sealed class AllocateStage : LakeStage<AllocateParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "alpha.allocate";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, AllocateParameters parameters, CancellationToken cancellationToken) =>
        SleeveDefinition.InputsAsync(context, StageDatasets.SleeveOf(context, parameters?.Sleeve), withSilver: true, ["selection", "streams", RegimeStage.Dataset], cancellationToken);

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
        foreach (StrategyAtom atom in SelectionArtifacts.Atoms(selection, $"selection of sleeve '{sleeve}'"))
        {
            byId[atom.Id] = atom;
        }

        var atoms = new List<StrategyAtom>(streams.ColumnCount);
        foreach (string column in streams.Columns)
        {
            atoms.Add(byId.GetValueOrDefault(column) ?? throw new DatasetSchemaException($"streams of sleeve '{sleeve}': atom '{column}' is not in the selection"));
        }

        SleeveConstraintInputs inputs = await ConstraintInputsAsync(context, sleeve, definition with { Spec = spec }, cancellationToken);
        SleeveAllocation allocation = SleeveStrategy.Allocate(streams, atoms, spec, inputs);
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
        report["constraints"] = JsonSerializer.SerializeToNode(allocation.Constraints, StageJson.Options);
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
            ["regime"] = allocation.Constraints!.Regime,
            ["regime_source"] = allocation.Constraints.RegimeSource,
            ["cluster_cap"] = allocation.Constraints.ClusterCap,
            ["market_neutral"] = allocation.Constraints.MarketNeutral,
            ["constraints_passed"] = allocation.Result.ConstraintReport.AllPassed,
            ["violations"] = new JsonArray([.. allocation.Result.ConstraintReport.Violations.Select(v => (JsonNode)v)]),
            ["fallback"] = JsonSerializer.SerializeToNode(allocation.Result.FallbackSteps, StageJson.Options),
        };
        await context.AuditAsync("alpha.weights", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = streamsTable.RowCount, RowsWritten = n, Outputs = [Output("weights", part), Output("allocation", reportPath)], Summary = summary };
    }

    /// <summary>The as-of regime of the run's regime artifact (null without one) and, for a market-neutral sleeve, the equal-weight benchmark.</summary>
    private static async Task<SleeveConstraintInputs> ConstraintInputsAsync(StageContext context, string sleeve, SleeveDefinition definition, CancellationToken cancellationToken)
    {
        RegimeLabel? regime = null;
        LakePath regimePath = StageDatasets.GoldFile(context, sleeve, RegimeStage.Dataset, RegimeStage.FileName);
        if (await context.Lake.TryReadAsync(regimePath, cancellationToken) is { } obj)
        {
            JsonNode? label = JsonNode.Parse(obj.Content.Span)?["label"];
            regime = label is null ? throw new DatasetSchemaException($"{regimePath}: no 'label'") : RegimeLabels.Parse(label.GetValue<string>());
        }

        if (!definition.Spec.MarketNeutral)
        {
            return new SleeveConstraintInputs(regime);
        }

        ReturnPanel universe = await definition.ReadUniverseReturnsAsync(context, cancellationToken);
        return SleeveConstraintInputs.KnownAt(universe, model: null, definition.Spec, "equal_weight:" + definition.Spec.Universe) with { Regime = regime };
    }
}
