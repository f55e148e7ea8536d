using QuantFunctions.Core.Tournaments;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Stages.Tournaments;

/// <summary>The gold <c>scoreboard</c> dataset: one row per cell and baseline, by rank (<see cref="ScoreboardRow"/>).</summary>
public static class ScoreboardTable
{
    /// <summary>Dataset name under gold.</summary>
    public const string Dataset = "scoreboard";

    /// <summary>Builds the table.</summary>
    public static LakeTable From(IReadOnlyList<ScoreboardRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int n = rows.Count;
        int[] rank = new int[n], windows = new int[n], minWinners = new int[n];
        string[] id = new string[n], failed = new string[n];
        bool[] baseline = new bool[n], integrity = new bool[n], strict = new bool[n];
        double[] sharpe = new double[n], gross = new double[n], decay = new double[n], cagr = new double[n], vol = new double[n];
        double[] sortino = new double[n], mdd = new double[n], turnover = new double[n], fragility = new double[n];
        for (int i = 0; i < n; i++)
        {
            ScoreboardRow r = rows[i];
            (rank[i], id[i], baseline[i], sharpe[i], gross[i], decay[i]) = (r.Rank, r.Id, r.IsBaseline, r.Sharpe, r.GrossSharpe, r.FrictionDecay);
            (cagr[i], vol[i], sortino[i], mdd[i], turnover[i]) = (r.Cagr, r.Volatility, r.Sortino, r.MaxDrawdown, r.AnnualTurnover);
            (windows[i], fragility[i], minWinners[i], integrity[i], strict[i]) = (r.Windows, r.Fragility, r.MinWinners, r.DirectionalIntegrity, r.IsStrictCandidate);
            failed[i] = string.Join(',', r.FailedGates);
        }

        return new LakeTable(Dataset,
        [
            ColumnBuffer.Create(ParquetColumn.Int32("rank"), rank),
            ColumnBuffer.Create(ParquetColumn.String("cell"), id),
            ColumnBuffer.Create(ParquetColumn.Boolean("baseline"), baseline),
            ColumnBuffer.Create(ParquetColumn.Boolean("strict"), strict),
            ColumnBuffer.Create(ParquetColumn.Double("sharpe"), sharpe),
            ColumnBuffer.Create(ParquetColumn.Double("gross_sharpe"), gross),
            ColumnBuffer.Create(ParquetColumn.Double("friction_decay"), decay),
            ColumnBuffer.Create(ParquetColumn.Double("cagr"), cagr),
            ColumnBuffer.Create(ParquetColumn.Double("volatility"), vol),
            ColumnBuffer.Create(ParquetColumn.Double("sortino"), sortino),
            ColumnBuffer.Create(ParquetColumn.Double("max_drawdown"), mdd),
            ColumnBuffer.Create(ParquetColumn.Double("annual_turnover"), turnover),
            ColumnBuffer.Create(ParquetColumn.Int32("windows"), windows),
            ColumnBuffer.Create(ParquetColumn.Double("fragility"), fragility),
            ColumnBuffer.Create(ParquetColumn.Int32("min_winners"), minWinners),
            ColumnBuffer.Create(ParquetColumn.Boolean("integrity"), integrity),
            ColumnBuffer.Create(ParquetColumn.String("failed_gates"), failed),
        ]);
    }
}
