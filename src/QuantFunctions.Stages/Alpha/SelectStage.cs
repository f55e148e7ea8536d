using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
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
        IReadOnlyList<SelectionResult> books = SleeveStrategy.Books(returns, features, spec);
        foreach (SelectionResult book in books)
        {
            if (book.Winners.Count == 0)
            {
                throw new SelectionException(
                    ErrorCodes.NoWinners,
                    $"node '{context.NodeKey}': sleeve '{sleeve}' has no healthy {book.Direction.ToString().ToUpperInvariant()} candidate as of {book.AsOf:yyyy-MM-dd} ({SelectionArtifacts.Funnel(sleeve, book)["vetoes"]!.ToJsonString()})");
            }
        }

        SelectionResult selection = books[0];
        LakeObjectInfo specInfo = await definition.WriteAsync(context, cancellationToken);
        LakePath part = StageDatasets.GoldPart(context, sleeve, "selection");
        await LakeWrites.WriteTableOnceAsync(context.Lake, part, SelectionArtifacts.Winners(books), cancellationToken);
        LakePath candidates = StageDatasets.GoldPart(context, sleeve, SelectionArtifacts.CandidatesDataset);
        await LakeWrites.WriteTableOnceAsync(context.Lake, candidates, SelectionArtifacts.Candidates(selection), cancellationToken);
        var outputs = new List<OutputLocation> { Output("sleeve", specInfo.Path), Output("selection", part), Output(SelectionArtifacts.CandidatesDataset, candidates) };
        JsonObject funnel = SelectionArtifacts.Funnel(sleeve, selection);
        if (books.Count > 1)
        {
            // A market-neutral sleeve: the long book's funnel above, the short book's (long winners vetoed long_book) here.
            LakePath shortCandidates = StageDatasets.GoldPart(context, sleeve, SelectionArtifacts.ShortCandidatesDataset);
            await LakeWrites.WriteTableOnceAsync(context.Lake, shortCandidates, SelectionArtifacts.Candidates(books[1]), cancellationToken);
            outputs.Add(Output(SelectionArtifacts.ShortCandidatesDataset, shortCandidates));
            funnel["short_book"] = SelectionArtifacts.Funnel(sleeve, books[1]);
        }

        LakePath funnelPath = StageDatasets.GoldFile(context, sleeve, SelectionArtifacts.FunnelDataset, SelectionArtifacts.FunnelFile);
        await LakeWrites.WriteBytesOnceAsync(context.Lake, funnelPath, StageJson.ToBytes(funnel), cancellationToken);
        outputs.Add(Output(SelectionArtifacts.FunnelDataset, funnelPath));

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
        if (funnel["short_book"] is JsonObject shortBook)
        {
            summary["market_neutral"] = true;
            summary["short_book"] = new JsonObject
            {
                ["htr_stage"] = shortBook["htr_stage"]!.DeepClone(),
                ["floor_met"] = shortBook["floor_met"]!.DeepClone(),
                ["funnel"] = shortBook["stages"]!.DeepClone(),
                ["vetoes"] = shortBook["vetoes"]!.DeepClone(),
                ["selected"] = shortBook["winners"]!.DeepClone(),
            };
        }
        if (source is not null)
        {
            summary["source"] = source;
        }

        await context.AuditAsync("alpha.selection", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult
        {
            RowsRead = returns.RowCount * (long)returns.ColumnCount,
            RowsWritten = books.Sum(b => b.Winners.Count + b.Candidates.Count),
            Outputs = outputs,
            Summary = summary,
            RiskProfile = string.Create(CultureInfo.InvariantCulture,
                $"{sleeve}: {spec.Direction.ToString().ToLowerInvariant()}{(spec.MarketNeutral ? ", market-neutral" : string.Empty)} · selection {spec.Selection.Standard} (floor {spec.Selection.Floor}) · engine {spec.Engine} on {spec.AllocationLookback} sessions"),
        };
    }
}
