using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;

namespace QuantFunctions.Stages.Tests.Tournaments;

/// <summary>
/// A tournament end to end on a small synthetic crypto market (20 assets, 300 days): one plan node per matrix cell,
/// cells cached in gold so a rerun computes only the missing ones, and the strict scoreboard with its baselines.
/// </summary>
public sealed class TournamentRunTests : IDisposable
{
    private const string Shared = """
        "tournament": "tour", "universe": "crypto_spot", "source_scope": "demo", "source_pipeline": "dataops", "source_version": "1.0.0",
        "floor": 5, "lookback": 30, "allocation_lookback": 30, "periods_per_year": 365, "benchmark": "BINANCE:CRY001USDT",
        "train_days": 60, "test_days": 30, "step_days": 30
        """;

    private const string TournamentManifest = $$"""
        {
          "id": "tournament", "version": "1.0.0", "scope": "demo", "kind": "model",
          "parameters": {
            "standards": ["v3_4"], "engines": ["equal_weight", "inverse_vol"], "profiles": ["long_only", "market_neutral"], "simulators": ["t2"]
          },
          "nodes": [
            { "id": "tournament.select", "stage": "tournament.select", "for_each": { "matrix": ["standards"] }, "params": { {{Shared}} } },
            { "id": "tournament.cell", "stage": "tournament.cell", "depends_on": ["tournament.select"], "for_each": { "matrix": ["standards", "engines", "profiles", "simulators"] }, "params": { {{Shared}} } },
            { "id": "tournament.scoreboard", "stage": "tournament.scoreboard", "depends_on": ["tournament.cell"], "params": { {{Shared}} } }
          ]
        }
        """;

    private readonly DagTestHost _host = new(new StageRegistryBuilder().AddQuantStages().Build());

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Run_Matrix_OneNodePerCellAndAScoreboardWithBothBaselines()
    {
        RunRecord run = await RunTournamentAsync("t-1");

        string[] cells = [.. run.Nodes.Select(n => n.Node.Value).Where(k => k.StartsWith("tournament.cell[", StringComparison.Ordinal))];
        Assert.Equal(
            ["tournament.cell[v3_4__equal_weight__long_only__t2]", "tournament.cell[v3_4__equal_weight__market_neutral__t2]",
             "tournament.cell[v3_4__inverse_vol__long_only__t2]", "tournament.cell[v3_4__inverse_vol__market_neutral__t2]"],
            cells);
        LakeTable board = await LakeTableStore.ReadAsync(_host.Lake, Output(run, "scoreboard"));
        Assert.Equal(6, board.RowCount);
        Assert.Equal([1, 2, 3, 4, 5, 6], board.Int32s("rank"));
        string[] ids = board.Strings("cell");
        Assert.Contains("baseline_equal_weight", ids);
        Assert.Contains("baseline_benchmark", ids);
        // Net Sharpe descends down the ranks.
        double[] sharpe = board.Doubles("sharpe");
        for (int i = 1; i < sharpe.Length; i++)
        {
            Assert.True(sharpe[i - 1] >= sharpe[i], $"rank {i} Sharpe {sharpe[i - 1]} < rank {i + 1} Sharpe {sharpe[i]}");
        }

        // floor 5 < the default winner floor of 15: every cell fails 'winner_floor', so nothing is a strict candidate, and the report says so.
        string[] failed = board.Strings("failed_gates");
        bool[] baseline = board.Column("baseline").Booleans!;
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.True(baseline[i] || failed[i].Contains("winner_floor", StringComparison.Ordinal), $"{ids[i]}: {failed[i]}");
        }

        string md = await ReadTextAsync(Output(run, "scoreboard_md"));
        Assert.Contains("No strict candidate: no cell passed every gate and beat the baselines.", md, StringComparison.Ordinal);
        Assert.NotNull(await _host.Lake.GetInfoAsync(Output(run, "winner_backtest")));
    }

    [Fact]
    public async Task Rerun_NewRunWithOneMoreEngine_ComputesOnlyTheMissingCells()
    {
        await RunTournamentAsync("t-1");
        RunRecord second = await RunTournamentAsync("t-2", ["engines=[\"equal_weight\",\"inverse_vol\",\"hrp\"]"]);

        IReadOnlyList<AuditEntry> ledger = await _host.ReadLedgerAsync("demo", "t-2");
        var reused = ledger.Where(e => e.Kind == "tournament.cell").ToDictionary(e => e.Data["cell"]!.GetValue<string>(), e => e.Data["reused"]!.GetValue<bool>());
        Assert.Equal(6, reused.Count);
        Assert.Equal(
            ["v3_4__hrp__long_only__t2", "v3_4__hrp__market_neutral__t2"],
            reused.Where(kv => !kv.Value).Select(kv => kv.Key).Order(StringComparer.Ordinal));
        LakeTable board = await LakeTableStore.ReadAsync(_host.Lake, Output(second, "scoreboard"));
        Assert.Equal(8, board.RowCount);
    }

    [Fact]
    public async Task Run_WritesADeterministicIndex_NamingTheRunItsResolvedProfilesAndEveryArtifact()
    {
        RunRecord run = await RunTournamentAsync("t-1");
        string index = await ReadTextAsync(LakePathResolver.RunIndex(run.Scope, run.RunId));

        Assert.StartsWith("# Run t-1\n", index, StringComparison.Ordinal);
        Assert.Contains("| run id | `t-1` |", index, StringComparison.Ordinal);
        Assert.Contains("| pipeline | `tournament` |", index, StringComparison.Ordinal);
        Assert.Contains("| version | 1.0.0 |", index, StringComparison.Ordinal);
        Assert.Contains("| status | succeeded |", index, StringComparison.Ordinal);
        Assert.Contains($"| as-of | {DagTestHost.DefaultAsOf.ToString("O", System.Globalization.CultureInfo.InvariantCulture)} |", index, StringComparison.Ordinal);
        Assert.Contains("| `tournament.cell[v3_4__inverse_vol__market_neutral__t2]` | market_neutral · engine inverse_vol · simulator t2 · selection v3_4 |", index, StringComparison.Ordinal);
        Assert.Contains("| `profiles` | `[\"long_only\", \"market_neutral\"]` |", index, StringComparison.Ordinal);
        Assert.Contains("\"min_sharpe\":0.5", index, StringComparison.Ordinal);
        Assert.Contains("[audit.jsonl](audit.jsonl)", index, StringComparison.Ordinal);
        Assert.Contains("[forensic_trace.json](forensic_trace.json)", index, StringComparison.Ordinal);
        Assert.All(run.Nodes, n => Assert.Contains($"| `{n.Node}` | succeeded | [stage.json](stages/{n.Node.ToPathSegment()}/stage.json) |", index, StringComparison.Ordinal));
        Assert.All(run.Nodes.SelectMany(n => n.Outputs), o => Assert.Contains($"`{o.Path}`", index, StringComparison.Ordinal));

        // The same run over the same data in another lake writes the same bytes (no wall-clock time, stable order).
        using var other = new DagTestHost(new StageRegistryBuilder().AddQuantStages().Build());
        await TinyCryptoMarket.EnsureAsync(other);
        RunRecord again = await other.RunAsync(TournamentManifest, runId: "t-1");
        Assert.Equal(RunStatus.Succeeded, again.Status);
        LakeObject copy = (await other.Lake.TryReadAsync(LakePathResolver.RunIndex(again.Scope, again.RunId)))!;
        Assert.Equal(index, System.Text.Encoding.UTF8.GetString(copy.Content.Span));
    }

    [Fact]
    public async Task Run_UnknownStandard_FailsTheCellWithItsCode()
    {
        await TinyCryptoMarket.EnsureAsync(_host);
        RunRecord run = await _host.RunAsync(TournamentManifest, runId: "t-bad", overrides: ["standards=[\"astrology\"]"]);

        Assert.Equal(RunStatus.Failed, run.Status);
        NodeState selection = run.Nodes.Single(n => n.Node.Value == "tournament.select[astrology]");
        Assert.Equal("tournament.cell_invalid", selection.Error?.Code);
        Assert.All(run.Nodes.Where(n => n.Node.Value.StartsWith("tournament.cell[", StringComparison.Ordinal)), n => Assert.Equal(NodeStatus.Skipped, n.Status));
    }

    private async Task<RunRecord> RunTournamentAsync(string runId, IReadOnlyList<string>? overrides = null)
    {
        await TinyCryptoMarket.EnsureAsync(_host);

        RunRecord run = await _host.RunAsync(TournamentManifest, runId: runId, overrides: overrides);
        Assert.True(run.Status == RunStatus.Succeeded, string.Join(" | ", run.Nodes.Select(n => n.Error?.Message)));
        return run;
    }

    private static LakePath Output(RunRecord run, string name) => run.Nodes.SelectMany(n => n.Outputs).First(o => o.Name == name).Path;

    private async Task<string> ReadTextAsync(LakePath path) =>
        System.Text.Encoding.UTF8.GetString((await _host.Lake.TryReadAsync(path))!.Content.Span);
}
