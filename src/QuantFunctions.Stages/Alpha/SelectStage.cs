using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Alpha;

/// <summary>
/// <c>alpha.select</c>: the sleeve's top (LONG) or bottom (SHORT) N assets of its universe by trailing
/// momentum, as of the run's as-of time. Writes the sleeve definition and a <c>selection</c> table
/// (symbol, direction, score, rank, observations) to gold.
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
        return Task.FromResult<IReadOnlyList<StageInput>>([new SleeveDefinition(sleeve, spec, parameters.SourcePipeline, parameters.SourceVersion).SilverInput()]);
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
        ReturnPanel returns = await definition.ReadUniverseReturnsAsync(context, cancellationToken);
        SelectionResult selection = SleeveStrategy.Select(returns, spec);
        IReadOnlyList<string> chosen = spec.Direction == Core.Strategies.Direction.Long ? selection.Long : selection.Short;

        var scores = new Dictionary<string, MomentumScore>(StringComparer.Ordinal);
        foreach (MomentumScore s in selection.Scores)
        {
            scores[s.Column] = s;
        }

        string[] symbols = [.. chosen];
        double[] score = new double[symbols.Length];
        int[] rank = new int[symbols.Length], observations = new int[symbols.Length];
        string[] direction = new string[symbols.Length];
        for (int i = 0; i < symbols.Length; i++)
        {
            MomentumScore s = scores[symbols[i]];
            (score[i], rank[i], observations[i], direction[i]) = (s.Score, s.Rank, s.Observations, spec.Direction.ToString().ToUpperInvariant());
        }

        var table = new LakeTable("selection",
        [
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbols),
            ColumnBuffer.Create(ParquetColumn.String("direction"), direction),
            ColumnBuffer.Create(ParquetColumn.Double("score"), score),
            ColumnBuffer.Create(ParquetColumn.Int32("rank"), rank),
            ColumnBuffer.Create(ParquetColumn.Int32("observations"), observations),
        ]);
        LakeObjectInfo specInfo = await definition.WriteAsync(context, cancellationToken);
        LakePath part = StageDatasets.GoldPart(context, sleeve, "selection");
        await LakeWrites.WriteTableOnceAsync(context.Lake, part, table, cancellationToken);

        var summary = new JsonObject
        {
            ["sleeve"] = sleeve,
            ["universe"] = spec.Universe,
            ["as_of"] = selection.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["direction"] = spec.Direction.ToString().ToUpperInvariant(),
            ["eligible"] = CountEligible(selection),
            ["selected"] = new JsonArray([.. symbols.Select(s => (JsonNode)s)]),
        };
        if (source is not null)
        {
            summary["source"] = source;
        }

        await context.AuditAsync("alpha.selection", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = returns.RowCount * (long)returns.ColumnCount, RowsWritten = symbols.Length, Outputs = [Output("sleeve", specInfo.Path), Output("selection", part)], Summary = summary };
    }

    private static int CountEligible(SelectionResult selection)
    {
        int n = 0;
        foreach (MomentumScore s in selection.Scores)
        {
            n += s.Eligible ? 1 : 0;
        }

        return n;
    }
}
