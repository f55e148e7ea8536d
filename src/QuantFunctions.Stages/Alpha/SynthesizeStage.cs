using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Core.Strategies;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Alpha;

/// <summary>
/// <c>alpha.synthesize</c>: turns the sleeve's selection into strategy atoms (asset, logic, and the direction of the
/// winner's book: a market-neutral sleeve has LONG and SHORT atoms) and their return streams — LONG r, SHORT −min(r, 1.0) — written to gold <c>streams</c> (date, atom, ret;
/// one row per observed return).
/// </summary>
public sealed class SynthesizeStage : LakeStage<SleeveParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "alpha.synthesize";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, SleeveParameters parameters, CancellationToken cancellationToken) =>
        SleeveDefinition.InputsAsync(context, StageDatasets.SleeveOf(context, parameters?.Sleeve), withSilver: true, ["selection"], cancellationToken);

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, SleeveParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        string sleeve = StageDatasets.SleeveOf(context, parameters.Sleeve);
        SleeveDefinition definition = await SleeveDefinition.ReadAsync(context, sleeve, cancellationToken);
        LakeTable selection = await LakeTableStore.ReadAsync(context.Lake, StageDatasets.GoldPart(context, sleeve, "selection"), cancellationToken: cancellationToken);
        IReadOnlyList<StrategyAtom> atoms = SelectionArtifacts.Atoms(selection, $"selection of sleeve '{sleeve}'");

        ReturnPanel returns = await definition.ReadUniverseReturnsAsync(context, cancellationToken);
        ReturnPanel streams = AtomSynthesizer.SynthesizePanel(returns, atoms);
        LakeTable table = LongPanel.ToTable("streams", streams, "atom", "ret");
        LakePath part = StageDatasets.GoldPart(context, sleeve, "streams");
        await LakeWrites.WriteTableOnceAsync(context.Lake, part, table, cancellationToken);
        var summary = new JsonObject { ["sleeve"] = sleeve, ["atoms"] = atoms.Count, ["rows"] = table.RowCount };
        return new StageResult { RowsRead = selection.RowCount, RowsWritten = table.RowCount, Outputs = [Output("streams", part)], Summary = summary };
    }
}
