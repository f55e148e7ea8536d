using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Core.Tournaments;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tournaments;

/// <summary>
/// <c>tournament.cell</c>: one cell of a tournament matrix (the node's for_each item,
/// <c>standard__engine__profile__simulator[__lookback__step]</c>, fanned out by <c>{"matrix": [...]}</c>): a walk-forward
/// simulation of the cell's decision on the universe's returns — the engine allocating, the profile combining, the
/// books its <c>tournament.select</c> node selected for each window, on the panel that node stored — stored as Parquet in the tournament's
/// <see cref="CellCache"/> as soon as the cell finishes. A cell already in the cache (same data and parameters) is not
/// computed again.
/// </summary>
public sealed class TournamentCellStage : LakeStage<TournamentParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "tournament.cell";

    /// <inheritdoc/>
    protected override async Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, TournamentParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        CellCache cache = await CellCache.OpenAsync(context, parameters, cancellationToken);
        TournamentCell cell = TournamentCell.Parse(context.ForEachItem ?? string.Empty);
        return [new StageInput($"gold.{parameters.Tournament}.selection", context.PipelineId, context.PipelineVersion, [cache.PanelPath(), cache.BooksPath(cell.Selection.Id)])];
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, TournamentParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        TournamentCell cell = TournamentCell.Parse(context.ForEachItem ?? throw new ArgumentException($"node '{context.NodeKey}': tournament.cell must fan out over a matrix (for_each)"));
        CellDecision.Validate(cell);
        CellSimulator.Require(cell.Simulator);
        CellCache cache = await CellCache.OpenAsync(context, parameters, cancellationToken);
        LakePath path = cache.CellPath(cell.Id);
        var summary = new JsonObject
        {
            ["tournament"] = parameters.Tournament, ["cell"] = cell.Id, ["standard"] = cell.Standard, ["engine"] = cell.Engine,
            ["profile"] = cell.Profile, ["simulator"] = cell.Simulator, ["cache"] = cache.Key, ["source_run"] = cache.SourceRun,
        };
        if (await context.Lake.GetInfoAsync(path, cancellationToken) is not null)
        {
            summary["reused"] = true;
            await context.AuditAsync("tournament.cell", summary.DeepClone().AsObject(), cancellationToken);
            return new StageResult { Outputs = [Output("cell", path)], Summary = summary, RiskProfile = ProfileOf(cell) };
        }

        LakeTable books = await LakeTableStore.ReadAsync(context.Lake, cache.BooksPath(cell.Selection.Id), cancellationToken: cancellationToken);
        ReturnPanel returns = PanelTable.ToPanel(await LakeTableStore.ReadAsync(context.Lake, cache.PanelPath(), cancellationToken: cancellationToken));
        CellOutcome outcome = CellRunner.Run(returns, BooksTable.ToBooks(books), cell, parameters.ToCellSpec(), parameters.ToOptions());
        LakeTable table = CellTable.From(outcome);
        await LakeWrites.WriteTableOnceAsync(context.Lake, path, table, cancellationToken);
        summary["reused"] = false;
        summary["days"] = table.RowCount;
        summary["windows"] = outcome.Decisions.Count;
        await context.AuditAsync("tournament.cell", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = returns.RowCount * (long)returns.ColumnCount, RowsWritten = table.RowCount, Outputs = [Output("cell", path)], Summary = summary, RiskProfile = ProfileOf(cell) };
    }

    /// <summary>The cell's risk profile, engine, simulator and selection, for the run's INDEX.md.</summary>
    private static string ProfileOf(TournamentCell cell) =>
        $"{cell.Profile} · engine {cell.Engine} · simulator {cell.Simulator} · selection {cell.Selection.Id}";

    /// <summary>The universe every cell reads, as a sleeve definition (only its universe and source matter).</summary>
    internal static SleeveDefinition Universe(TournamentParameters parameters) =>
        new(parameters.Tournament, new SleeveSpec { Universe = parameters.Universe, PeriodsPerYear = parameters.PeriodsPerYear }, parameters.SourcePipeline, parameters.SourceVersion);
}
