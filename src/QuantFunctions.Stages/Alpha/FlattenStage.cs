using QuantFunctions.Core.Sleeves;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Strategies;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Alpha;

/// <summary>
/// <c>alpha.flatten</c>: nets the sleeve's atom weights into physical weights per symbol (long and short
/// atoms on one symbol net out), written to gold <c>positions</c> (symbol, weight, long_weight, short_weight).
/// </summary>
public sealed class FlattenStage : LakeStage<SleeveParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "alpha.flatten";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, SleeveParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<IReadOnlyList<StageInput>>([StageDatasets.GoldInput(context, StageDatasets.SleeveOf(context, parameters?.Sleeve), "weights")]);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, SleeveParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        string sleeve = StageDatasets.SleeveOf(context, parameters.Sleeve);
        LakeTable weights = await LakeTableStore.ReadAsync(context.Lake, StageDatasets.GoldPart(context, sleeve, "weights"), cancellationToken: cancellationToken);
        IReadOnlyList<StrategyAtom> atoms = SelectionArtifacts.Atoms(weights, $"weights of sleeve '{sleeve}'");
        IReadOnlyList<PhysicalWeight> positions = WeightFlattener.Flatten(atoms, weights.Doubles("weight"));
        LakeTable table = PositionsTable.From(positions);
        LakePath part = StageDatasets.GoldPart(context, sleeve, PositionsTable.Dataset);
        await LakeWrites.WriteTableOnceAsync(context.Lake, part, table, cancellationToken);
        double gross = 0, net = 0;
        foreach (PhysicalWeight p in positions)
        {
            gross += Math.Abs(p.Weight);
            net += p.Weight;
        }

        var summary = new JsonObject { ["sleeve"] = sleeve, ["positions"] = positions.Count, ["gross"] = gross, ["net"] = net };
        await context.AuditAsync("alpha.positions", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = weights.RowCount, RowsWritten = positions.Count, Outputs = [Output("positions", part)], Summary = summary };
    }
}
