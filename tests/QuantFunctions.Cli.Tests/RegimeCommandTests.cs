using System.Globalization;
using System.Text;
using System.Text.Json;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

public sealed class RegimeCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("qf-regime");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Regime_CalmThenWildMarket_JsonLabelsBothPhasesAndNamesTheModel()
    {
        // 400 calm days (±0.5 %) then 200 wild days (±4 %), alternating signs with a seeded jitter: a 2-state model must
        // call the calm phase NORMAL and the wild one CRISIS (checked away from the switch, past the 32-day window).
        var random = new Random(5);
        var sb = new StringBuilder("date,market\n");
        for (int t = 0; t < 600; t++)
        {
            double scale = t < 400 ? 0.005 : 0.04;
            double r = scale * ((t % 2 == 0 ? 1 : -1) + (0.5 * (random.NextDouble() - 0.5)));
            sb.Append(new DateOnly(2020, 1, 1).AddDays(t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(r.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        string file = _dir.Combine("market.csv");
        await File.WriteAllTextAsync(file, sb.ToString());

        (int code, string stdout, string stderr) = await RunAsync(file, "--states", "2", "--restarts", "3", "--json");

        Assert.True(code == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement root = json.RootElement;
        Assert.Equal("column market", root.GetProperty("benchmark").GetString());
        Assert.Equal("gaussian_hmm", root.GetProperty("model").GetProperty("kind").GetString());
        Assert.Equal(2, root.GetProperty("model").GetProperty("states").GetInt32());
        Assert.Equal(31, root.GetProperty("warmup_dropped").GetInt32());
        JsonElement[] series = [.. root.GetProperty("series").EnumerateArray()];
        Assert.Equal(600 - 31, series.Length);
        Assert.Equal("2020-02-01", series[0].GetProperty("date").GetString());
        Assert.All(series[50..350], s => Assert.Equal("NORMAL", s.GetProperty("label").GetString()));
        Assert.All(series[420..], s => Assert.Equal("CRISIS", s.GetProperty("label").GetString()));
        Assert.Equal("CRISIS", root.GetProperty("label").GetString());
        Assert.Equal(0.15, root.GetProperty("cluster_cap").GetDouble());
    }

    [Fact]
    public async Task Regime_FileWithoutDates_IsUsageError()
    {
        string file = _dir.Combine("undated.csv");
        await File.WriteAllTextAsync(file, "A,B\n0.01,0.02\n0.02,-0.01\n");

        (int code, _, string stderr) = await RunAsync(file);

        Assert.Equal(2, code);
        Assert.Contains("needs a date column", stderr, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        CliOutcome outcome = await CliHarness.RunAsync(_dir.Combine("lake"), ["regime", .. args]);
        return (outcome.ExitCode, outcome.Output, outcome.Error);
    }
}
