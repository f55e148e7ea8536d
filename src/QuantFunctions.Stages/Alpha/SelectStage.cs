using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Alpha;

/// <summary>
/// <c>alpha.select</c>: the sleeve's universe selection as of the run's as-of time, from the lake only — silver returns
/// and the silver point-in-time feature store (known_at ≤ as-of) — through the Foundation Gate, the vetoes, the sleeve's
/// scoring standard, Ward clusters and HTR v3.4 (docs/selection.md). Writes the sleeve definition, the <c>selection</c>
/// table (winners), the <c>candidates</c> table, the funnel document (<c>funnel/…/funnel.json</c>), and audits the funnel.
/// </summary>
public sealed class SelectStage : LakeStage<SelectParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "alpha.select";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, SelectParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        string sleeve = StageDatasets.SleeveOf(context, parameters.Sleeve);
        SleeveSpec spec = parameters.Sleeves.GetValueOrDefault(sleeve)
            ?? throw new ArgumentException($"node '{context.NodeKey}': sleeve '{sleeve}' is not defined in 'sleeves' (defined: {string.Join(", ", parameters.Sleeves.Keys)})");
        var definition = new SleeveDefinition(sleeve, spec, parameters.SourcePipeline, parameters.SourceVersion);
        return Task.FromResult<IReadOnlyList<StageInput>>([definition.SilverInput(), definition.FeaturesInput()]);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, SelectParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        string sleeve = StageDatasets.SleeveOf(context, parameters.Sleeve);
        SleeveSpec spec = parameters.Sleeves[sleeve];
        spec.Validate(sleeve);
        var definition = new SleeveDefinition(sleeve, spec, parameters.SourcePipeline, parameters.SourceVersion);
        JsonObject? source = await SourceHandoff.ResolveAsync(context, parameters, definition.SilverInput().Partitions[0], cancellationToken);
        _ = await SourceHandoff.ResolveAsync(context, parameters, definition.FeaturesPath(), cancellationToken);
        ReturnPanel returns = await definition.ReadUniverseReturnsAsync(context, cancellationToken);
        FeatureHistory features = await definition.ReadFeaturesAsync(context, cancellationToken);
        SelectionResult selection = SleeveStrategy.Select(returns, features, spec);
        if (selection.Winners.Count == 0)
        {
            throw new SelectionException(
                ErrorCodes.NoWinners,
                $"node '{context.NodeKey}': sleeve '{sleeve}' has no healthy candidate as of {selection.AsOf:yyyy-MM-dd} ({SelectionArtifacts.Funnel(sleeve, selection)["vetoes"]!.ToJsonString()})");
        }


        LakeObjectInfo specInfo = await definition.WriteAsync(context, cancellationToken);
        LakePath part = StageDatasets.GoldPart(context, sleeve, "selection");
        await LakeWrites.WriteTableOnceAsync(context.Lake, part, SelectionArtifacts.Winners(selection), cancellationToken);
        LakePath candidates = StageDatasets.GoldPart(context, sleeve, SelectionArtifacts.CandidatesDataset);
        await LakeWrites.WriteTableOnceAsync(context.Lake, candidates, SelectionArtifacts.Candidates(selection), cancellationToken);
        JsonObject funnel = SelectionArtifacts.Funnel(sleeve, selection);
        LakePath funnelPath = StageDatasets.GoldFile(context, sleeve, SelectionArtifacts.FunnelDataset, SelectionArtifacts.FunnelFile);
        await LakeWrites.WriteBytesOnceAsync(context.Lake, funnelPath, StageJson.ToBytes(funnel), cancellationToken);

        var summary = new JsonObject
        {
            ["sleeve"] = sleeve,
            ["universe"] = spec.Universe,
            ["as_of"] = funnel["as_of"]!.DeepClone(),
            ["direction"] = spec.Direction.ToString().ToUpperInvariant(),
            ["standard"] = selection.Standard,
            ["htr_stage"] = funnel["htr_stage"]!.DeepClone(),
            ["floor"] = selection.Floor,
            ["floor_met"] = selection.FloorMet,
            ["funnel"] = funnel["stages"]!.DeepClone(),
            ["vetoes"] = funnel["vetoes"]!.DeepClone(),
            ["selected"] = funnel["winners"]!.DeepClone(),
        };
        if (source is not null)
        {
            summary["source"] = source;
        }

        await context.AuditAsync("alpha.selection", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult
        {
            RowsRead = returns.RowCount * (long)returns.ColumnCount,
            RowsWritten = selection.Winners.Count + selection.Candidates.Count,
            Outputs = [Output("sleeve", specInfo.Path), Output("selection", part), Output(SelectionArtifacts.CandidatesDataset, candidates), Output(SelectionArtifacts.FunnelDataset, funnelPath)],
            Summary = summary,
            RiskProfile = string.Create(CultureInfo.InvariantCulture,
                $"{sleeve}: {spec.Direction.ToString().ToLowerInvariant()}{(spec.MarketNeutral ? ", market-neutral" : string.Empty)} · selection {spec.Selection.Standard} (floor {spec.Selection.Floor}) · engine {spec.Engine} on {spec.AllocationLookback} sessions"),
        };
    }
}
