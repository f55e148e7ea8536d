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
/// <c>tournament.select</c>: the books of one selection standard (the node's for_each item — a matrix over the cells'
/// <c>standards</c> axis, so every cell depends on exactly one) for every lookback × step of the cells
/// (<see cref="TournamentParameters.Lookbacks"/>, <see cref="TournamentParameters.Steps"/>): in every walk-forward
/// window, the long book and the short book disjoint from it (<see cref="TournamentBooks"/>), from the silver returns
/// and the feature store as of the window's last date — read once for all of them. Each <see cref="CellSelection"/>'s
/// books are stored in the tournament's <see cref="CellCache"/> (<see cref="BooksTable"/>), with the returns panel the
/// cells read (<see cref="PanelTable"/>); the cells that differ only in engine, risk profile or simulator all trade
/// them, and selections already in the cache are not computed again.
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
        string standard = context.ForEachItem ?? throw new ArgumentException($"node '{context.NodeKey}': tournament.select must fan out over the standards (for_each)");
        IReadOnlyList<CellSelection> selections = parameters.SelectionsOf(standard);
        selections[0].Validate();
        CellCache cache = await CellCache.OpenAsync(context, parameters, cancellationToken);
        LakePath panelPath = cache.PanelPath();
        var missing = new List<CellSelection>();
        foreach (CellSelection selection in selections)
        {
            if (await context.Lake.GetInfoAsync(cache.BooksPath(selection.Id), cancellationToken) is null)
            {
                missing.Add(selection);
            }
        }

        var outputs = new List<Orchestration.Runs.OutputLocation> { Output("panel", panelPath) };
        var summary = new JsonObject
        {
            ["tournament"] = parameters.Tournament, ["standard"] = standard, ["selections"] = selections.Count, ["computed"] = missing.Count,
            ["cache"] = cache.Key, ["source_run"] = cache.SourceRun,
        };
        long rowsRead = 0, rowsWritten = 0;
        if (missing.Count > 0 || await context.Lake.GetInfoAsync(panelPath, cancellationToken) is null)
        {
            Alpha.SleeveDefinition universe = TournamentCellStage.Universe(parameters);
            ReturnPanel returns = await universe.ReadUniverseReturnsAsync(context, cancellationToken);
            rowsRead = returns.RowCount * (long)returns.ColumnCount;
            await LakeWrites.WriteTableOnceAsync(context.Lake, panelPath, PanelTable.From(returns), cancellationToken);
            if (missing.Count > 0)
            {
                FeatureHistory features = await universe.ReadFeaturesAsync(context, cancellationToken);
                IReadOnlyList<IReadOnlyList<WindowBooks>> books = TournamentBooks.Select(returns, features, missing, parameters.ToCellSpec(), parameters.ToOptions());
                for (int i = 0; i < missing.Count; i++)
                {
                    LakeTable table = BooksTable.From(books[i]);
                    await LakeWrites.WriteTableOnceAsync(context.Lake, cache.BooksPath(missing[i].Id), table, cancellationToken);
                    rowsWritten += table.RowCount;
                }
            }
        }

        foreach (CellSelection selection in selections)
        {
            outputs.Add(Output("books." + selection.Id, cache.BooksPath(selection.Id)));
        }

        summary["reused"] = missing.Count == 0;
        await context.AuditAsync(Id, summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = rowsRead, RowsWritten = rowsWritten, Outputs = outputs, Summary = summary };
    }
}
