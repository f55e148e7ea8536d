using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// <c>quant sql</c> on embedded DuckDB over the shared demo lake: the views and their partition columns, the output
/// formats, answers checked against what the pipelines computed, and read-only enforcement (writes exit 2 and
/// write nothing).
/// </summary>
[Collection(DemoLakeCollection.Name)]
public sealed class SqlCommandTests(DemoLake demo)
{
    [Fact]
    public async Task Sql_DemoLake_RegistersTheLakeDatasetsAsViews()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "sql", "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1", "--format", "csv");

        outcome.AssertExit(0);
        string[] views = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
        foreach (string required in new[] { "silver_returns", "silver_features", "gold_weights", "gold_backtest", "gold_sleeve_weights", "bronze_ohlcv" })
        {
            Assert.Contains(required, views);
        }
    }

    [Fact]
    public async Task Sql_SilverReturns_PathSegmentsAndHivePartitionsAreColumns()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "sql",
            "SELECT universe, pipeline, version, min(year) AS y0, max(year) AS y1, count(DISTINCT symbol) AS symbols FROM silver_returns GROUP BY ALL ORDER BY universe", "--format", "csv");

        outcome.AssertExit(0);
        Assert.Equal(
            "universe,pipeline,version,y0,y1,symbols\ncrypto_spot,dataops,1.0.0,2022,2024,60\nus_equity,dataops,1.0.0,2022,2024,60\n",
            outcome.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Sql_GoldWeights_SleeveAndRunColumnsAndWeightsSumToOne()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "sql",
            "SELECT sleeve, run, sum(weight) AS total FROM gold_weights GROUP BY ALL ORDER BY sleeve", "--format", "jsonl");

        outcome.AssertExit(0);
        JsonNode[] rows = [.. outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)];
        Assert.Equal(["crypto_long", "crypto_short", "equity_long", "equity_short"], rows.Select(r => r["sleeve"]!.GetValue<string>()));
        Assert.All(rows, r => Assert.Equal("demo-meta", r["run"]!.GetValue<string>()));
        Assert.All(rows, r => Assert.Equal(1.0, r["total"]!.GetValue<double>(), 9));
    }

    [Fact]
    public async Task Sql_MetaDrawdown_EqualsTheTearSheetMaxDrawdown()
    {
        string metrics = File.ReadAllText(demo.PathOf("gold/meta/meta/version=1.0.0/report/run=demo-meta/metrics.json"));
        double expected = JsonNode.Parse(metrics)!["max_drawdown"]!.GetValue<double>();

        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "sql", "SELECT min(dd) FROM (SELECT equity / greatest(1.0, max(equity) OVER (ORDER BY date)) - 1 AS dd FROM gold_backtest WHERE sleeve = 'meta')", "--format", "csv");

        outcome.AssertExit(0);
        double actual = double.Parse(outcome.Output.Split('\n')[1], CultureInfo.InvariantCulture);
        Assert.Equal(expected, actual, 12);
    }

    [Fact]
    public async Task Sql_TableFormatWithLimit_PrintsAlignedRowsAndCount()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "sql", "SELECT date, equity FROM gold_backtest WHERE sleeve = 'meta' ORDER BY date", "--limit", "2");

        outcome.AssertExit(0);
        string[] lines = outcome.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("date        equity", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("----------  ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2022-06-28  ", lines[2], StringComparison.Ordinal);
        Assert.Equal("(2 rows)", lines[4]);
    }

    [Fact]
    public async Task Sql_JsonLines_NullsAndNaNAndTimestamps()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "sql",
            "SELECT NULL AS n, 'NaN'::DOUBLE AS nan, TIMESTAMPTZ '2024-01-03 00:00:00+00' AS t, DATE '2024-01-02' AS d, [1, 2] AS l", "--format", "jsonl");

        outcome.AssertExit(0);
        Assert.Equal("""{"n":null,"nan":"NaN","t":"2024-01-03T00:00:00Z","d":"2024-01-02","l":[1,2]}""", outcome.Output.Trim());
    }

    [Theory]
    [InlineData("SELECT nope FROM silver_returns", "Binder Error")]
    [InlineData("SELEC 1", "Parser Error")]
    [InlineData("SELECT * FROM no_such_view", "Catalog Error")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "Permission Error")]
    [InlineData("SELECT 1; SELECT 2", "one SELECT statement at a time")]
    public async Task Sql_BadQuery_ExitsTwoWithDuckDbMessageOnOneLine(string query, string message)
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "sql", query);

        outcome.AssertExit(2);
        Assert.StartsWith("quant sql: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
        Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(outcome.Output);
    }

    [Fact]
    public async Task Sql_CopyTo_ExitsTwoAndWritesNothing()
    {
        using TempDirectory lake = demo.Copy();
        using var outside = new TempDirectory("qf-sql-out");
        SortedDictionary<string, string> before = DemoLake.HashFiles(lake.Path, "");
        string intoLake = Path.Combine(lake.Path, "gold", "stolen.parquet");
        string elsewhere = Path.Combine(outside.Path, "stolen.csv");

        CliOutcome toLake = await CliHarness.RunAsync(lake.Path, "sql", $"COPY (SELECT * FROM gold_weights) TO '{intoLake}' (FORMAT parquet)");
        CliOutcome toElsewhere = await CliHarness.RunAsync(lake.Path, "sql", $"SELECT 1; COPY (SELECT * FROM silver_returns) TO '{elsewhere}'");

        toLake.AssertExit(2);
        toElsewhere.AssertExit(2);
        Assert.Contains("read-only", toLake.Error, StringComparison.Ordinal);
        Assert.Contains("COPY", toElsewhere.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(intoLake));
        Assert.False(File.Exists(elsewhere));
        Assert.Equal(before, DemoLake.HashFiles(lake.Path, ""));
    }

    [Fact]
    public async Task Sql_Attach_ExitsTwoAndCreatesNoDatabase()
    {
        using TempDirectory lake = demo.Copy();
        SortedDictionary<string, string> before = DemoLake.HashFiles(lake.Path, "");
        string database = Path.Combine(lake.Path, "attached.duckdb");

        CliOutcome outcome = await CliHarness.RunAsync(lake.Path, "sql", $"ATTACH '{database}' AS x");

        outcome.AssertExit(2);
        Assert.Contains("ATTACH is not a SELECT", outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
        Assert.Equal(before, DemoLake.HashFiles(lake.Path, ""));
    }

    [Theory]
    [InlineData("INSTALL httpfs")]
    [InlineData("LOAD httpfs")]
    [InlineData("CREATE TABLE t AS SELECT 1")]
    [InlineData("INSERT INTO gold_weights SELECT * FROM gold_weights")]
    [InlineData("EXPORT DATABASE '/tmp/qf-sql-export'")]
    [InlineData("PRAGMA enable_profiling")]
    [InlineData("SET lock_configuration = false")]
    [InlineData("CHECKPOINT")]
    public async Task Sql_NonSelectStatement_ExitsTwoAsReadOnly(string statement)
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "sql", statement);

        outcome.AssertExit(2);
        Assert.Contains("read-only", outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists("/tmp/qf-sql-export"));
    }

    [Fact]
    public async Task Sql_BlobLake_ExitsTwoNamingTheFileLake()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["QF_LAKE"] = "blob",
            ["QF_STORAGE_CONNECTION"] = "UseDevelopmentStorage=true",
        };

        CliOutcome outcome = await CliHarness.RunWithEnvironmentAsync(environment, "sql", "SELECT 1");

        outcome.AssertExit(2);
        Assert.Contains("file lake", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_MissingLake_ExitsTwo()
    {
        using var temp = new TempDirectory("qf-sql");

        CliOutcome outcome = await CliHarness.RunAsync(temp.Combine("nope"), "sql", "SELECT 1");

        outcome.AssertExit(2);
        Assert.Contains("no lake", outcome.Error, StringComparison.Ordinal);
    }
}
