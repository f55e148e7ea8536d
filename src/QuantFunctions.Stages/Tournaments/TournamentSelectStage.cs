using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Tournaments;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tournaments;

/// <summary>
/// <c>tournament.select</c>: the books of one <see cref="CellSelection"/> (the node's for_each item,
/// <c>standard[__lookback__step]</c> — a matrix over the cells' standards, lookbacks and steps axes, so every cell
/// depends on exactly one): in every walk-forward window, the long book and the short book disjoint from it
/// (<see cref="TournamentBooks"/>), from the silver returns and the feature store as of the window's last date. Stored
/// once in the tournament's <see cref="CellCache"/> (<see cref="BooksTable"/>); the cells that differ only in engine,
/// risk profile or simulator all trade them, and a selection already in the cache is not computed again.
/// </summary>
public sealed class TournamentSelectStage : LakeStage<TournamentParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "tournament.select";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, TournamentParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Alpha.SleeveDefinition universe = TournamentCellStage.Universe(parameters);
        return Task.FromResult<IReadOnlyList<StageInput>>([universe.SilverInput(), universe.FeaturesInput()]);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, TournamentParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        CellSelection selection = CellSelection.Parse(context.ForEachItem ?? throw new ArgumentException($"node '{context.NodeKey}': tournament.select must fan out over a matrix (for_each)"));
        selection.Validate();
        CellCache cache = await CellCache.OpenAsync(context, parameters, cancellationToken);
        LakePath path = cache.BooksPath(selection.Id);
        var summary = new JsonObject { ["tournament"] = parameters.Tournament, ["selection"] = selection.Id, ["cache"] = cache.Key, ["source_run"] = cache.SourceRun };
        if (await context.Lake.GetInfoAsync(path, cancellationToken) is not null)
        {
            summary["reused"] = true;
            await context.AuditAsync(Id, summary.DeepClone().AsObject(), cancellationToken);
            return new StageResult { Outputs = [Output("books", path)], Summary = summary };
        }

        Alpha.SleeveDefinition universe = TournamentCellStage.Universe(parameters);
        ReturnPanel returns = await universe.ReadUniverseReturnsAsync(context, cancellationToken);
        FeatureHistory features = await universe.ReadFeaturesAsync(context, cancellationToken);
        IReadOnlyList<WindowBooks> books = TournamentBooks.Select(returns, features, selection, parameters.ToCellSpec(), parameters.ToOptions());
        LakeTable table = BooksTable.From(books);
        await LakeWrites.WriteTableOnceAsync(context.Lake, path, table, cancellationToken);
        summary["reused"] = false;
        summary["windows"] = books.Count;
        summary["fewest_long"] = books.Count == 0 ? 0 : books.Min(b => b.Long.Count);
        summary["fewest_short"] = books.Count == 0 ? 0 : books.Min(b => b.Short.Count);
        await context.AuditAsync(Id, summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = returns.RowCount * (long)returns.ColumnCount, RowsWritten = table.RowCount, Outputs = [Output("books", path)], Summary = summary };
    }
}
