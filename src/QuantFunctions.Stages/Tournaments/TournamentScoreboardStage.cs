using System.Text;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Tournaments;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tournaments;

/// <summary>
/// <c>tournament.scoreboard</c>: the fan-in over a tournament's cells. Reads every cell it depends on from the
/// <see cref="CellCache"/>, simulates the two baselines (equal weight over the universe, and the benchmark alone), ranks
/// them all (<see cref="Scoreboard"/>) and writes gold <c>scoreboard</c> (Parquet), <c>scoreboard.md</c> and
/// <c>scoreboard.json</c> naming the strict candidates — or saying that none beat the baselines — and the winner's
/// record as the tournament's gold <c>backtest</c>, which <c>report.tearsheet</c> renders as the winner tear sheet.
/// The winner is the best strict candidate, else the best-ranked cell (marked not strict).
/// </summary>
public sealed class TournamentScoreboardStage : LakeStage<TournamentParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "tournament.scoreboard";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, TournamentParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Task.FromResult<IReadOnlyList<StageInput>>([TournamentCellStage.Universe(parameters).SilverInput()]);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, TournamentParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        CellCache cache = await CellCache.OpenAsync(context, parameters, cancellationToken);
        var series = new List<CellSeries>();
        var tables = new Dictionary<string, LakeTable>(StringComparer.Ordinal);
        foreach (string cell in CellsOf(context))
        {
            LakeTable table = await LakeTableStore.ReadAsync(context.Lake, cache.CellPath(cell), cancellationToken: cancellationToken);
            tables[cell] = table;
            series.Add(CellTable.ToSeries(table, cell, isBaseline: false));
        }

        ReturnPanel returns = await TournamentCellStage.Universe(parameters).ReadUniverseReturnsAsync(context, cancellationToken);
        series.Add(CellSeries.From(CellRunner.RunEqualWeight(returns, parameters.BaselineSimulator, parameters.ToOptions()), isBaseline: true));
        series.Add(CellSeries.From(CellRunner.RunBenchmark(returns, parameters.Benchmark, parameters.BaselineSimulator, parameters.ToOptions()), isBaseline: true));
        ScoreboardGates gates = parameters.ToGates();
        IReadOnlyList<ScoreboardRow> rows = Scoreboard.Rank(series, gates, parameters.PeriodsPerYear);
        ScoreboardRow? winner = Winner(rows);

        string tournament = parameters.Tournament;
        LakePath part = StageDatasets.GoldPart(context, tournament, ScoreboardTable.Dataset);
        LakePath md = StageDatasets.GoldFile(context, tournament, ScoreboardTable.Dataset, "scoreboard.md");
        LakePath json = StageDatasets.GoldFile(context, tournament, ScoreboardTable.Dataset, "scoreboard.json");
        await LakeWrites.WriteTableOnceAsync(context.Lake, part, ScoreboardTable.From(rows), cancellationToken);
        string title = $"{tournament} — {parameters.Universe}, run {context.RunId}";
        await LakeWrites.WriteBytesOnceAsync(context.Lake, md, Encoding.UTF8.GetBytes(ScoreboardRenderer.ToMarkdown(title, rows, gates)), cancellationToken);
        var summary = new JsonObject
        {
            ["tournament"] = tournament,
            ["cells"] = tables.Count,
            ["cache"] = cache.Key,
            ["verdict"] = Scoreboard.Verdict(rows),
            ["strict_candidates"] = new JsonArray([.. rows.Where(r => r.IsStrictCandidate).Select(r => (JsonNode)r.Id)]),
            ["winner"] = winner?.Id,
            ["winner_is_strict"] = winner?.IsStrictCandidate ?? false,
            ["rows"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["rank"] = r.Rank, ["cell"] = r.Id, ["baseline"] = r.IsBaseline, ["strict"] = r.IsStrictCandidate,
                ["sharpe"] = Finite(r.Sharpe), ["gross_sharpe"] = Finite(r.GrossSharpe), ["cagr"] = Finite(r.Cagr), ["max_drawdown"] = Finite(r.MaxDrawdown),
                ["fragility"] = Finite(r.Fragility), ["friction_decay"] = Finite(r.FrictionDecay), ["annual_turnover"] = Finite(r.AnnualTurnover),
                ["windows"] = r.Windows, ["min_winners"] = r.MinWinners, ["failed_gates"] = new JsonArray([.. r.FailedGates.Select(g => (JsonNode)g)]),
            })]),
        };
        await LakeWrites.WriteBytesOnceAsync(context.Lake, json, StageJson.ToBytes(summary), cancellationToken);
        var outputs = new List<Orchestration.Runs.OutputLocation> { Output("scoreboard", part), Output("scoreboard_md", md), Output("scoreboard_json", json) };
        if (winner is not null)
        {
            LakePath backtest = StageDatasets.GoldPart(context, tournament, BacktestTable.Dataset);
            await LakeWrites.WriteTableOnceAsync(context.Lake, backtest, tables[winner.Id], cancellationToken);
            outputs.Add(Output("winner_backtest", backtest));
        }

        var audit = new JsonObject { ["tournament"] = tournament, ["cells"] = tables.Count, ["verdict"] = summary["verdict"]!.DeepClone(), ["winner"] = winner?.Id };
        await context.AuditAsync("tournament.scoreboard", audit, cancellationToken);
        return new StageResult { RowsRead = returns.RowCount * (long)returns.ColumnCount, RowsWritten = rows.Count, Outputs = outputs, Summary = audit };
    }

    /// <summary>The cells of the tournament: the for_each items of the node instances this node depends on, ordinal order.</summary>
    internal static List<string> CellsOf(StageContext context)
    {
        var cells = new List<string>();
        foreach (string key in context.Dependencies)
        {
            int open = key.IndexOf('[', StringComparison.Ordinal);
            if (open > 0 && key.EndsWith(']'))
            {
                cells.Add(key[(open + 1)..^1]);
            }
        }

        cells.Sort(StringComparer.Ordinal);
        return cells;
    }

    private static ScoreboardRow? Winner(IReadOnlyList<ScoreboardRow> rows) =>
        rows.FirstOrDefault(r => r.IsStrictCandidate) ?? rows.FirstOrDefault(r => !r.IsBaseline);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
