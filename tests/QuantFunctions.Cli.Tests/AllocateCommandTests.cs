using System.Globalization;
using System.Text;
using System.Text.Json;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Testing;
using Spectre.Console;

namespace QuantFunctions.Cli.Tests;

public sealed class AllocateCommandTests : IDisposable
{
    // Two assets, eight periods (hand-made).
    private static readonly double[] A = [0.010, -0.020, 0.015, 0.003, -0.007, 0.012, -0.004, 0.008];
    private static readonly double[] B = [0.004, 0.006, -0.010, 0.009, 0.002, -0.003, 0.007, 0.001];

    // Three assets, six periods (hand-made), for inverse volatility.
    private static readonly double[][] Three =
    [
        [0.010, -0.020, 0.015, 0.003, -0.007, 0.012],
        [0.004, 0.006, -0.010, 0.009, 0.002, -0.003],
        [0.030, -0.025, 0.040, -0.035, 0.020, -0.010],
    ];

    private readonly TempDirectory _dir = new("qf-allocate");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Allocate_TwoAssetMinVarianceCsv_MatchesAnalyticWeight()
    {
        string file = WriteCsv("two.csv", ["date", "A", "B"], Dates(A.Length), A, B);
        (int code, string stdout, string stderr) = await RunAsync(file, "--engine", "min_variance", "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement root = json.RootElement;
        // Analytic two-asset minimum variance (hand formula on the same data, sample moments ddof 1; annualisation
        // cancels): w_A = (σ_B² − σ_AB)/(σ_A² + σ_B² − 2σ_AB). Interior here, so long-only bounds are inactive. Tolerance 1e-6.
        double wA = TwoAssetMinVariance(A, B);
        Assert.InRange(wA, 0.01, 0.99);
        Assert.Equal(wA, root.GetProperty("weights").GetProperty("A").GetDouble(), 1e-6);
        Assert.Equal(1 - wA, root.GetProperty("weights").GetProperty("B").GetDouble(), 1e-6);
        Assert.Equal(0.0, root.GetProperty("risk_model").GetProperty("ridge").GetProperty("lambda").GetDouble());
        Assert.True(root.GetProperty("success").GetBoolean());
        Assert.Equal("min_variance", root.GetProperty("engine").GetString());
        Assert.True(root.GetProperty("constraint_report").GetProperty("all_passed").GetBoolean());
        Assert.Contains(root.GetProperty("constraint_report").GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "budget");
        Assert.Equal(8, root.GetProperty("periods").GetInt32());
        Assert.Equal("2024-01-01", root.GetProperty("index").GetProperty("first").GetString());
    }

    [Fact]
    public async Task Allocate_SingularCovarianceJson_ConditionAsNamedLiteralAndNullsWritten()
    {
        // Three assets over two periods: rank 1 covariance, smallest eigenvalue 0, so κ before the ridge is +∞ — the JSON
        // contract writes it as the string "Infinity"; no date column, so "index" is null; no shrinkage, so null.
        double[][] columns = [[0.01, -0.02], [0.02, 0.01], [-0.01, 0.03]];
        string file = WriteCsv("singular.csv", ["X", "Y", "Z"], null, columns);
        (int code, string stdout, string stderr) = await RunAsync(file, "--engine", "min_variance", "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("index").ValueKind);
        JsonElement riskModel = root.GetProperty("risk_model");
        Assert.Equal(JsonValueKind.Null, riskModel.GetProperty("shrinkage").ValueKind);
        Assert.Equal("Infinity", riskModel.GetProperty("ridge").GetProperty("condition_before").GetString());
        Assert.True(riskModel.GetProperty("ridge").GetProperty("lambda").GetDouble() > 0);
        Assert.Equal(5000, riskModel.GetProperty("ridge").GetProperty("condition_after").GetDouble(), 1e-6);
        Assert.Equal(2, root.GetProperty("periods").GetInt32());
    }

    [Fact]
    public async Task Allocate_InverseVolCsv_MatchesNormalisedInverseSigma()
    {
        string file = WriteCsv("three.csv", ["X", "Y", "Z"], null, Three);
        (int code, string stdout, string stderr) = await RunAsync(file, "--engine", "inverse_vol", "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        AssertWeights(InverseVolatility(Three), ["X", "Y", "Z"], stdout, 1e-12);
    }

    [Fact]
    public async Task Allocate_InverseVolTables_PrintsWeightsDiagnosticsAndReport()
    {
        string file = WriteCsv("three.csv", ["X", "Y", "Z"], null, Three);
        (int code, string stdout, string stderr) = await RunAsync(file, "--engine", "inverse_vol", "--rf", "0.02");
        Assert.True(code == ExitCodes.Success, stderr);
        double[] w = InverseVolatility(Three);
        Assert.Contains("weights", stdout, StringComparison.Ordinal);
        Assert.Contains(w[2].ToString("F6", CultureInfo.InvariantCulture), stdout, StringComparison.Ordinal);
        Assert.Contains("volatility", stdout, StringComparison.Ordinal);
        Assert.Contains("bounds:Z", stdout, StringComparison.Ordinal);
        Assert.Contains("fallback steps", stdout, StringComparison.Ordinal);
        Assert.Contains("allocation succeeded", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_SharpeAtRequestedRiskFreeRate_RestatedForAnyEngine()
    {
        string file = WriteCsv("three.csv", ["X", "Y", "Z"], null, Three);
        (int code, string stdout, string stderr) = await RunAsync(file, "--engine", "equal_weight", "--rf", "0.02", "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        JsonElement d = JsonDocument.Parse(stdout).RootElement.GetProperty("diagnostics");
        // Sharpe = (μᵀw − r_f)/σ(w) from the reported expected return and volatility.
        double expected = (d.GetProperty("expected_return").GetDouble() - 0.02) / d.GetProperty("volatility").GetDouble();
        Assert.Equal(expected, d.GetProperty("sharpe").GetDouble(), 1e-12);
        Assert.Equal(0.02, d.GetProperty("risk_free_rate").GetDouble());
    }

    [Fact]
    public async Task Allocate_MaxSharpeWithRfAndRepeatedParams_PassesThemToTheEngine()
    {
        string file = WriteCsv("three.csv", ["X", "Y", "Z"], null, Three);
        (int code, string stdout, string stderr) = await RunAsync(
            file, "--engine", "max_sharpe", "--rf", "0.02", "--param", "max_iterations=5000", "--param", "tolerance=1e-10", "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        JsonElement root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("max_sharpe", root.GetProperty("engine").GetString());
        Assert.Equal(0.02, root.GetProperty("diagnostics").GetProperty("risk_free_rate").GetDouble());
        Assert.Equal(1.0, root.GetProperty("diagnostics").GetProperty("converged").GetDouble());
    }

    [Fact]
    public async Task Allocate_RfAndRiskFreeRateParamTogether_ExitsTwo()
    {
        string file = WriteCsv("three.csv", ["X", "Y", "Z"], null, Three);
        (int code, _, string stderr) = await RunAsync(file, "--engine", "max_sharpe", "--rf", "0.02", "--param", "risk_free_rate=0.03");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--rf and --param risk_free_rate", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_Prices_ConvertsToSimpleReturnsFirst()
    {
        double[] pa = [100, 101, 99.5, 100.8, 102.1, 101.0, 103.2, 104.0, 103.1];
        double[] pb = [50, 50.3, 50.1, 50.6, 50.4, 50.9, 51.2, 51.0, 51.5];
        string file = WriteCsv("prices.csv", ["date", "A", "B"], Dates(pa.Length), pa, pb);
        (int code, string stdout, string stderr) = await RunAsync(file, "--engine", "min_variance", "--prices", "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        // Returns rₜ = pₜ/pₜ₋₁ − 1 by hand, then the analytic two-asset weight (as above); tolerance 1e-6.
        double wA = TwoAssetMinVariance(SimpleReturns(pa), SimpleReturns(pb));
        JsonElement root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(wA, root.GetProperty("weights").GetProperty("A").GetDouble(), 1e-6);
        Assert.Equal(pa.Length - 1, root.GetProperty("periods").GetInt32());
        Assert.Equal("prices", root.GetProperty("input").GetString());
    }

    [Fact]
    public async Task Allocate_ParquetInput_MatchesInverseSigma()
    {
        string path = _dir.Combine("three.parquet");
        var schema = new ParquetSchema([new ParquetColumn("date", ParquetValueKind.Date, false), ParquetColumn.Double("X"), ParquetColumn.Double("Y"), ParquetColumn.Double("Z")]);
        int[] days = new int[Three[0].Length];
        for (int i = 0; i < days.Length; i++)
        {
            days[i] = 19723 + i; // 2024-01-01 onwards
        }

        await using (FileStream fs = File.Create(path))
        await using (var writer = new ParquetWriter(fs, schema))
        {
            await writer.WriteAsync([
                ColumnBuffer.Create(schema.Columns[0], days),
                ColumnBuffer.Create(schema.Columns[1], Three[0]),
                ColumnBuffer.Create(schema.Columns[2], Three[1]),
                ColumnBuffer.Create(schema.Columns[3], Three[2]),
            ]);
            await writer.CompleteAsync();
        }

        (int code, string stdout, string stderr) = await RunAsync(path, "--engine", "inverse_vol", "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        AssertWeights(InverseVolatility(Three), ["X", "Y", "Z"], stdout, 1e-12);
        Assert.Equal("2024-01-06", JsonDocument.Parse(stdout).RootElement.GetProperty("index").GetProperty("last").GetString());
    }

    [SharedDataFact]
    public async Task Allocate_PypfoptHrpReturnsFile_MatchesPeerWeights()
    {
        // pypfopt.hrp.single: returns = prices.pct_change().dropna(how="all") (leading NaNs kept as empty cells),
        // pairwise-complete covariance and correlation, single linkage. Case tolerance: suggested abs 1e-12.
        (string[] assets, List<double[]> rows) = ReadPricesCsv(SharedData.PathOf("data", "refcases", "data", "pypfopt_stock_prices.csv"));
        var returns = new List<double[]>();
        for (int t = 1; t < rows.Count; t++)
        {
            double[] r = new double[assets.Length];
            bool any = false;
            for (int j = 0; j < r.Length; j++)
            {
                r[j] = (rows[t][j] / rows[t - 1][j]) - 1; // NaN when either price is missing
                any |= !double.IsNaN(r[j]);
            }

            if (any)
            {
                returns.Add(r);
            }
        }

        var columns = new double[assets.Length][];
        for (int j = 0; j < assets.Length; j++)
        {
            columns[j] = returns.Select(r => r[j]).ToArray();
        }

        string file = WriteCsv("pypfopt_returns.csv", assets, null, columns);
        (int code, string stdout, string stderr) = await RunAsync(file, "--engine", "hrp", "--linkage", "single", "--risk-model", "sample_pairwise", "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        JsonElement expected = HrpCase();
        AssertWeights(assets.Select(a => expected.GetProperty(a).GetDouble()).ToArray(), assets, stdout, 1e-12);

        // The same through --prices on the peer's own prices file.
        (code, stdout, stderr) = await RunAsync(SharedData.PathOf("data", "refcases", "data", "pypfopt_stock_prices.csv"), "--prices", "--engine", "hrp", "--risk-model", "sample_pairwise", "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        AssertWeights(assets.Select(a => expected.GetProperty(a).GetDouble()).ToArray(), assets, stdout, 1e-12);
    }

    [Fact]
    public async Task Allocate_MissingFile_ExitsTwo()
    {
        (int code, _, string stderr) = await RunAsync(_dir.Combine("absent.csv"), "--engine", "equal_weight");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("absent.csv", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_UnknownEngine_ExitsTwoListingEngines()
    {
        string file = WriteCsv("two.csv", ["A", "B"], null, A, B);
        (int code, _, string stderr) = await RunAsync(file, "--engine", "kelly");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("unknown allocation engine 'kelly'", stderr, StringComparison.Ordinal);
        Assert.Contains("hrp", stderr, StringComparison.Ordinal);
        Assert.Contains("min_variance", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("date,A,B\n2024-01-01,0.01,0.02\n2024-01-02,0.0x1,0.02\n", "equal_weight", "{file}:3:2: '0.0x1' in column 'A' is not a number")]
    [InlineData("A,B,C\n0.01,,0.02\n0.02,,0.01\n-0.01,,0.00\n", "equal_weight", "column 'B' (column 2) has no values")]
    [InlineData("A,B\n0.01,0.02\n", "min_variance", "covariance needs at least 2")]
    [InlineData("date,A,B\n2024-01-01,0.01,0.02\n2024-01-02,0.01\n", "equal_weight", "{file}:3: the row has 2 fields but the header has 3")]
    [InlineData("date,A,B\n2024-01-01,0.01,\"0.02\n2024-01-02,0.01,0.03\n", "equal_weight", "{file}:2:3: unterminated quote")]
    [InlineData("", "equal_weight", "{file}: the file is empty")]
    public async Task Allocate_UnusableFile_ExitsTwoNamingTheProblem(string content, string engine, string message)
    {
        string file = _dir.Combine("bad.csv");
        File.WriteAllText(file, content);
        (int code, _, string stderr) = await RunAsync(file, "--engine", engine);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(message.Replace("{file}", file, StringComparison.Ordinal), stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.5", "two finite numbers lo,hi")]
    [InlineData("0.6,0.4", "exceeds the upper bound")]
    [InlineData("0,abc", "two finite numbers lo,hi")]
    [InlineData("0,0.3", "infeasible")] // 0.3 × 2 assets < budget 1
    public async Task Allocate_BadBounds_ExitsTwo(string bounds, string message)
    {
        string file = WriteCsv("two.csv", ["A", "B"], null, A, B);
        (int code, _, string stderr) = await RunAsync(file, "--engine", "min_variance", "--bounds", bounds);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--linkage", "ward", "--linkage applies to --engine hrp only")]
    [InlineData("--param", "gamma=2", "has no parameter 'gamma'")]
    [InlineData("--param", "nokey", "not of the form key=value")]
    [InlineData("--max-condition", "0.5", "greater than 1")]
    public async Task Allocate_BadEngineOptions_ExitsTwo(string option, string value, string message)
    {
        string file = WriteCsv("two.csv", ["A", "B"], null, A, B);
        (int code, _, string stderr) = await RunAsync(file, "--engine", "min_variance", option, value);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        CliSettings settings = CliSettings.FromEnvironment(name => environment.GetValueOrDefault(name));
        var context = new CliContext(settings, console, error, TimeProvider.System);
        int code = await Program.RunAsync(context, ["allocate", .. args], CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private string WriteCsv(string name, string[] header, string[]? index, params double[][] columns) =>
        ReturnsCsv.Write(_dir.Combine(name), header, index, columns);

    private static string[] Dates(int count) =>
        Enumerable.Range(0, count).Select(i => new DateOnly(2024, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();

    private static double Mean(double[] x) => x.Sum() / x.Length;

    private static double Covariance(double[] x, double[] y)
    {
        double mx = Mean(x), my = Mean(y), s = 0;
        for (int t = 0; t < x.Length; t++)
        {
            s += (x[t] - mx) * (y[t] - my);
        }

        return s / (x.Length - 1);
    }

    private static double TwoAssetMinVariance(double[] a, double[] b)
    {
        double s11 = Covariance(a, a), s22 = Covariance(b, b), s12 = Covariance(a, b);
        return (s22 - s12) / (s11 + s22 - (2 * s12));
    }

    private static double[] InverseVolatility(double[][] columns)
    {
        double[] inv = columns.Select(c => 1 / Math.Sqrt(Covariance(c, c))).ToArray();
        double sum = inv.Sum();
        return inv.Select(v => v / sum).ToArray();
    }

    private static double[] SimpleReturns(double[] prices) =>
        Enumerable.Range(1, prices.Length - 1).Select(t => (prices[t] / prices[t - 1]) - 1).ToArray();

    private static void AssertWeights(double[] expected, string[] assets, string json, double tolerance)
    {
        JsonElement weights = JsonDocument.Parse(json).RootElement.GetProperty("weights");
        for (int i = 0; i < assets.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - weights.GetProperty(assets[i]).GetDouble()) <= tolerance, $"{assets[i]}: expected {expected[i]:R}, got {weights.GetProperty(assets[i]).GetDouble():R}");
        }
    }

    private static (string[] Assets, List<double[]> Rows) ReadPricesCsv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] assets = lines[0].Split(',')[1..];
        var rows = new List<double[]>();
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            rows.Add(line.Split(',')[1..].Select(c => c.Length == 0 ? double.NaN : double.Parse(c, CultureInfo.InvariantCulture)).ToArray());
        }

        return (assets, rows);
    }

    private static JsonElement HrpCase()
    {
        using JsonDocument cases = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("data", "refcases", "cases.json")));
        JsonElement hrp = cases.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "pypfopt.hrp.single");
        return hrp.GetProperty("expected").GetProperty("weights").Clone();
    }
}
