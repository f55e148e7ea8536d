using System.Globalization;
using System.Text;
using System.Text.Json;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Testing;
using Spectre.Console;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// <c>quant metrics</c> end to end. The ten-day series is the one worked out by hand in Core's
/// <c>QuantstatsHandCalculationTests</c> (win rate 5/9, profit factor 2, max drawdown −3.47 % on 2021-01-29, best
/// month Feb 2021 = 1.01·1.04·1.05·0.97 − 1); the quantstats case checks the CLI path against the peer's Sharpe.
/// </summary>
public sealed class MetricsCommandTests : IDisposable
{
    private static readonly string[] Dates =
        ["2020-12-30", "2020-12-31", "2021-01-04", "2021-01-05", "2021-01-06", "2021-01-29", "2021-02-01", "2021-02-02", "2021-02-03", "2021-02-04"];

    private static readonly double[] R = [0.02, -0.01, 0.00, 0.03, -0.02, -0.015, 0.01, 0.04, 0.05, -0.03];

    private readonly TempDirectory _dir = new("qf-metrics");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Metrics_DatedCsvJson_MatchesHandCalculation()
    {
        string file = WriteCsv("r.csv", ["date", "S"], Dates, R);
        (int code, string stdout, string stderr) = await RunAsync(file, "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement s = json.RootElement.GetProperty("series")[0];
        JsonElement m = s.GetProperty("metrics");
        Assert.Equal("S", s.GetProperty("name").GetString());
        Assert.True(s.GetProperty("dated").GetBoolean());
        Assert.Equal(5.0 / 9, m.GetProperty("win_rate").GetDouble(), 1e-12);
        Assert.Equal(2.0, m.GetProperty("profit_factor").GetDouble(), 1e-12);
        Assert.Equal(-0.0347, m.GetProperty("max_drawdown").GetDouble(), 1e-12);
        Assert.Equal("2021-01-29", m.GetProperty("max_drawdown_date").GetString());
        Assert.Equal((1.01 * 1.04 * 1.05 * 0.97) - 1, m.GetProperty("best_month").GetDouble(), 1e-12);
        Assert.Equal(27, m.GetProperty("longest_drawdown_days").GetDouble());
        Assert.Equal(2, s.GetProperty("annual_returns").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("benchmark").ValueKind);
        Assert.False(m.TryGetProperty("beta", out _));
    }

    [Fact]
    public async Task Metrics_BenchmarkMissingOneDate_JoinsOnDatesAndCountsTheDrop()
    {
        // Two series; the benchmark is the series S itself but lacks 2021-01-04 (a zero-return day of S), so 9 rows
        // are joined, 1 dropped as unmatched; β of S on itself = 1 and R² = 1; T = 2·S has β = 2.
        string file = WriteCsv("r.csv", ["date", "S", "T"], Dates, R, [.. R.Select(x => 2 * x)]);
        string bench = WriteCsv("b.csv", ["date", "B"], [.. Dates.Where(d => d != "2021-01-04")], [.. R.Where((_, i) => i != 2)]);
        (int code, string stdout, string stderr) = await RunAsync(file, "--benchmark", bench, "--json", "--rf", "0.02");
        Assert.True(code == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement s = json.RootElement.GetProperty("series")[0], t = json.RootElement.GetProperty("series")[1];
        Assert.Equal(9, s.GetProperty("rows").GetInt32());
        Assert.Equal(1, s.GetProperty("dropped_unmatched").GetInt32());
        Assert.Equal(1.0, s.GetProperty("metrics").GetProperty("beta").GetDouble(), 1e-12);
        Assert.Equal(1.0, s.GetProperty("metrics").GetProperty("r_squared").GetDouble(), 1e-12);
        Assert.Equal(2.0, t.GetProperty("metrics").GetProperty("beta").GetDouble(), 1e-12);
        Assert.Equal(0.02, json.RootElement.GetProperty("risk_free_rate").GetDouble());
        Assert.Equal("B", json.RootElement.GetProperty("benchmark").GetProperty("name").GetString());
        Assert.Equal(9, json.RootElement.GetProperty("benchmark").GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Metrics_Table_ShowsQuantstatsRowsAndBenchmarkColumn()
    {
        string file = WriteCsv("r.csv", ["date", "S"], Dates, R);
        string bench = WriteCsv("b.csv", ["date", "B"], Dates, [.. R.Select(x => x / 2)]);
        (int code, string stdout, string stderr) = await RunAsync(file, "--benchmark", bench);
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains("benchmark B", stdout, StringComparison.Ordinal);
        Assert.Contains("Max DD Date", stdout, StringComparison.Ordinal);
        Assert.Contains("2021-01-29", stdout, StringComparison.Ordinal);
        Assert.Contains("Win Days", stdout, StringComparison.Ordinal);
        Assert.Contains("55.56%", stdout, StringComparison.Ordinal); // 5/9
        Assert.Contains("S: 10 periods, 2020-12-30 … 2021-02-04", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_UndatedReturnsWithDatedBenchmark_FailsWithInputShape()
    {
        string file = WriteCsv("r.csv", ["S"], null, R);
        string bench = WriteCsv("b.csv", ["date", "B"], Dates, R);
        (int code, _, string stderr) = await RunAsync(file, "--benchmark", bench);
        Assert.Equal(2, code);
        Assert.Contains("metrics.input_shape", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_UndatedFile_CalendarMetricsNaNAndSaysSo()
    {
        string file = WriteCsv("r.csv", ["S"], null, R);
        (int code, string stdout, string stderr) = await RunAsync(file, "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement m = json.RootElement.GetProperty("series")[0].GetProperty("metrics");
        Assert.Equal("NaN", m.GetProperty("best_month").GetString());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("max_drawdown_date").ValueKind);
        Assert.Equal(5.0 / 9, m.GetProperty("win_rate").GetDouble(), 1e-12);
    }

    [Fact]
    public async Task Metrics_BadRf_IsUsageError()
    {
        string file = WriteCsv("r.csv", ["S"], null, R);
        (int code, _, string stderr) = await RunAsync(file, "--rf", "-2");
        Assert.Equal(2, code);
        Assert.Contains("--rf", stderr, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task Metrics_QuantstatsSeed42_CliMatchesPeerSharpeAndMaxDrawdown()
    {
        // refcase quantstats.metrics.qs_seed42 (quantstats 0.0.81): sharpe at rf 2 %, periods 252 = 0.047057102767504744,
        // max drawdown −0.3149957684797956; rel 1e-12 (the CSV is read with round-trip precision).
        string file = SharedData.PathOf("data", "refcases", "data", "qs_seed42_returns.csv");
        (int code, string stdout, string stderr) = await RunAsync(file, "--rf", "0.02", "--json");
        Assert.True(code == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement m = json.RootElement.GetProperty("series")[0].GetProperty("metrics");
        Assert.Equal(0.047057102767504744, m.GetProperty("sharpe").GetDouble(), 0.047057102767504744 * 1e-12);
        Assert.Equal(-0.3149957684797956, m.GetProperty("max_drawdown").GetDouble(), 0.3149957684797956 * 1e-12);
        Assert.Equal(500, m.GetProperty("observations").GetInt32());
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
        console.Profile.Width = 200;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        CliSettings settings = CliSettings.FromEnvironment(name => environment.GetValueOrDefault(name));
        var context = new CliContext(settings, console, error, TimeProvider.System);
        int code = await Program.RunAsync(context, ["metrics", .. args], CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private string WriteCsv(string name, string[] header, string[]? index, params double[][] columns)
    {
        var sb = new StringBuilder(string.Join(',', header)).Append('\n');
        for (int t = 0; t < columns[0].Length; t++)
        {
            var cells = new List<string>();
            if (index is not null)
            {
                cells.Add(index[t]);
            }

            foreach (double[] column in columns)
            {
                cells.Add(column[t].ToString("R", CultureInfo.InvariantCulture));
            }

            sb.Append(string.Join(',', cells)).Append('\n');
        }

        string path = _dir.Combine(name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }
}
