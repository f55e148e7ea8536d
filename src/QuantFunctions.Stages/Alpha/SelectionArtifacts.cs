using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Core.Strategies;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Stages.Alpha;

/// <summary>
/// What <c>alpha.select</c> writes (and <c>quant select</c> prints): the <c>selection</c> table (winners, best first), the
/// <c>candidates</c> table (every universe asset with its score, cluster and vetoes) and the funnel document.
/// </summary>
public static class SelectionArtifacts
{
    /// <summary>The gold dataset of the funnel document.</summary>
    public const string FunnelDataset = "funnel";

    /// <summary>The funnel document's file name.</summary>
    public const string FunnelFile = "funnel.json";

    /// <summary>The gold dataset of every candidate.</summary>
    public const string CandidatesDataset = "candidates";

    /// <summary>The gold dataset of a market-neutral sleeve's short-book candidates (the long book's are in <see cref="CandidatesDataset"/>).</summary>
    public const string ShortCandidatesDataset = "candidates_short";

    /// <summary>
    /// The winners, book by book (a market-neutral sleeve has a long and a short book), best first: <c>symbol</c>,
    /// <c>direction</c> (the book's), <c>score</c>, <c>rank</c> (1 = best in its book), <c>observations</c>, <c>cluster</c>,
    /// <c>qualified</c> (1 when the standard's filter passed), <c>veto</c> (the first predictability veto HTR waived for it,
    /// or empty), <c>htr_stage</c> (the stage its book reached).
    /// </summary>
    public static LakeTable Winners(IReadOnlyList<SelectionResult> books)
    {
        ArgumentNullException.ThrowIfNull(books);
        int n = 0;
        foreach (SelectionResult book in books)
        {
            n += book.Winners.Count;
        }

        string[] symbols = new string[n], direction = new string[n], veto = new string[n], stage = new string[n];
        double[] score = new double[n];
        int[] rank = new int[n], observations = new int[n], cluster = new int[n], qualified = new int[n];
        int i = 0;
        foreach (SelectionResult selection in books)
        {
            Dictionary<string, SelectionCandidate> bySymbol = BySymbol(selection);
            for (int k = 0; k < selection.Winners.Count; k++, i++)
            {
                SelectionCandidate c = bySymbol[selection.Winners[k]];
                (symbols[i], direction[i], score[i], rank[i], observations[i]) = (c.Symbol, selection.Direction.ToString().ToUpperInvariant(), c.Score, k + 1, c.Observations);
                (cluster[i], qualified[i], veto[i], stage[i]) = (c.Cluster, c.Qualified ? 1 : 0, c.Veto ?? string.Empty, SelectionFunnel.StageName(selection.Stage));
            }
        }

        return new LakeTable("selection",
        [
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbols),
            ColumnBuffer.Create(ParquetColumn.String("direction"), direction),
            ColumnBuffer.Create(ParquetColumn.Double("score"), score),
            ColumnBuffer.Create(ParquetColumn.Int32("rank"), rank),
            ColumnBuffer.Create(ParquetColumn.Int32("observations"), observations),
            ColumnBuffer.Create(ParquetColumn.Int32("cluster"), cluster),
            ColumnBuffer.Create(ParquetColumn.Int32("qualified"), qualified),
            ColumnBuffer.Create(ParquetColumn.String("veto"), veto),
            ColumnBuffer.Create(ParquetColumn.String("htr_stage"), stage),
        ]);
    }

    /// <summary>
    /// Every universe asset in symbol order: <c>symbol</c>, <c>score</c> (NaN when not scored), <c>qualified</c>, <c>cluster</c>
    /// (0 when dropped by the gate), <c>vetoes</c> (every reason, <c>|</c>-separated, empty when clean), <c>observations</c>,
    /// <c>selected</c> (1 for a winner).
    /// </summary>
    public static LakeTable Candidates(SelectionResult selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var winners = new HashSet<string>(selection.Winners, StringComparer.Ordinal);
        int n = selection.Candidates.Count;
        string[] symbols = new string[n], vetoes = new string[n];
        double[] score = new double[n];
        int[] qualified = new int[n], cluster = new int[n], observations = new int[n], selected = new int[n];
        for (int i = 0; i < n; i++)
        {
            SelectionCandidate c = selection.Candidates[i];
            (symbols[i], vetoes[i], score[i], qualified[i]) = (c.Symbol, string.Join('|', c.Vetoes), c.Score, c.Qualified ? 1 : 0);
            (cluster[i], observations[i], selected[i]) = (c.Cluster, c.Observations, winners.Contains(c.Symbol) ? 1 : 0);
        }

        return new LakeTable(CandidatesDataset,
        [
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbols),
            ColumnBuffer.Create(ParquetColumn.Double("score"), score),
            ColumnBuffer.Create(ParquetColumn.Int32("qualified"), qualified),
            ColumnBuffer.Create(ParquetColumn.Int32("cluster"), cluster),
            ColumnBuffer.Create(ParquetColumn.String("vetoes"), vetoes),
            ColumnBuffer.Create(ParquetColumn.Int32("observations"), observations),
            ColumnBuffer.Create(ParquetColumn.Int32("selected"), selected),
        ]);
    }

    /// <summary>
    /// The funnel document: <c>sleeve</c>, <c>standard</c>, <c>as_of</c>, <c>htr_stage</c>, <c>stages</c> (name, count: universe
    /// to winners), <c>winners</c>, and also <c>floor</c>, <c>floor_met</c>, <c>clusters</c>, <c>htr</c> (each stage's survivors),
    /// <c>vetoes</c> (count per reason) and <c>gate</c> (union rows, dense rows, rows dropped, |r| &gt; 1 count).
    /// </summary>
    public static JsonObject Funnel(string sleeve, SelectionResult selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var stages = new JsonArray();
        foreach (FunnelCount f in selection.Funnel)
        {
            stages.Add(new JsonObject { ["name"] = f.Name, ["count"] = f.Count });
        }

        var htr = new JsonArray();
        foreach (HtrStageResult s in selection.Stages)
        {
            htr.Add(new JsonObject { ["stage"] = SelectionFunnel.StageName(s.Stage), ["survivors"] = Strings(s.Survivors) });
        }

        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (SelectionCandidate c in selection.Candidates)
        {
            foreach (string v in c.Vetoes)
            {
                reasons[v] = reasons.GetValueOrDefault(v) + 1;
            }
        }

        var vetoes = new JsonObject();
        foreach (KeyValuePair<string, int> kv in reasons)
        {
            vetoes[kv.Key] = kv.Value;
        }

        return new JsonObject
        {
            ["sleeve"] = sleeve,
            ["standard"] = selection.Standard,
            ["as_of"] = selection.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["htr_stage"] = SelectionFunnel.StageName(selection.Stage),
            ["stages"] = stages,
            ["winners"] = Strings(selection.Winners),
            ["floor"] = selection.Floor,
            ["floor_met"] = selection.FloorMet,
            ["clusters"] = selection.ClusterCount,
            ["htr"] = htr,
            ["vetoes"] = vetoes,
            ["gate"] = new JsonObject
            {
                ["union_rows"] = selection.Gate.UnionRows,
                ["dense_rows"] = selection.Gate.DenseRows,
                ["rows_dropped"] = selection.Gate.RowsDropped,
                ["large_returns"] = selection.Gate.LargeReturns,
            },
        };
    }

    /// <summary>
    /// The strategy atoms of a table with <c>symbol</c> and <c>direction</c> columns (the <c>selection</c> winners, the
    /// allocated <c>weights</c>), in row order, each with its row's direction.
    /// </summary>
    /// <exception cref="DatasetSchemaException">A direction other than LONG or SHORT.</exception>
    public static IReadOnlyList<StrategyAtom> Atoms(LakeTable table, string what)
    {
        ArgumentNullException.ThrowIfNull(table);
        string[] symbols = table.Strings("symbol"), directions = table.Strings("direction");
        var atoms = new List<StrategyAtom>(table.RowCount);
        for (int i = 0; i < table.RowCount; i++)
        {
            Direction direction = directions[i] switch
            {
                "LONG" => Direction.Long,
                "SHORT" => Direction.Short,
                _ => throw new DatasetSchemaException($"{what}, row {i}: direction '{directions[i]}' is not LONG or SHORT"),
            };
            atoms.Add(new StrategyAtom(Symbol.Parse(symbols[i]), SleeveStrategy.Logic, direction));
        }

        return atoms;
    }

    private static JsonArray Strings(IReadOnlyList<string> values)
    {
        var array = new JsonArray();
        foreach (string v in values)
        {
            array.Add(v);
        }

        return array;
    }

    private static Dictionary<string, SelectionCandidate> BySymbol(SelectionResult selection)
    {
        var map = new Dictionary<string, SelectionCandidate>(StringComparer.Ordinal);
        foreach (SelectionCandidate c in selection.Candidates)
        {
            map[c.Symbol] = c;
        }

        return map;
    }
}
