using System.Globalization;
using System.Text;
using System.Text.Json;
using QuantFunctions.Cli.Infrastructure;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Regime;
using QuantFunctions.Lake.Models;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Datasets;
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
        string file = await CalmThenWildAsync();

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
    public async Task RegimeModel_RegisteredVersion_InfersWithoutFitting_AndFailsStrictly()
    {
        // A model fitted here on the calm/wild market and registered for sleeve mn_equity as 1.0.0; the CLI must decode
        // with exactly that model (the same labels as RegimeDetector.Decode on it), never refit.
        string file = await CalmThenWildAsync();
        (DateOnly[] dates, double[] returns) = Read(file);
        RegimeModel model = RegimeDetector.Fit(returns, new RegimeOptions { Fit = new HmmFitOptions { States = 2, Restarts = 2, Seed = 9 } });
        RegimeSeries expected = RegimeDetector.Decode(model, dates, returns);
        var lake = new FileSystemLakeStore(_dir.Combine("lake"));
        await new ModelRegistry(lake).RegisterAsync("mn_equity", "regime_hmm", StageJson.ToBytes(model), new ModelVersionEntry
        {
            Version = string.Empty,
            Artifact = string.Empty,
            FeatureSchema = model.FeatureSchema,
            Parameters = new JsonObject { ["states"] = 2, ["window"] = 32, ["seed"] = 9 },
            TrainingWindow = new ModelTrainingWindow(dates[0], dates[^1], dates.Length),
            DatasetFingerprints = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["test"] = "0" },
            FitMetrics = new JsonObject(),
            RunId = "test-fit",
        });

        (int code, string stdout, string stderr) = await RunAsync(file, "--model", "regime_hmm@1.0.0", "--json");

        Assert.True(code == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement m = json.RootElement.GetProperty("model");
        Assert.Equal(("registry", "regime_hmm", "1.0.0", "mn_equity", 9), (m.GetProperty("source").GetString(), m.GetProperty("model_id").GetString(), m.GetProperty("version").GetString(), m.GetProperty("sleeve").GetString(), m.GetProperty("seed").GetInt32()));
        Assert.Equal(model.Metrics.LogLikelihood, m.GetProperty("log_likelihood").GetDouble());
        string[] labels = [.. json.RootElement.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("label").GetString()!)];
        Assert.Equal(expected.Labels.Select(RegimeLabels.Name), labels);

        // Latest version without @, the sleeve found from the registry; the text form names the registered model.
        (code, stdout, stderr) = await RunAsync(file, "--model", "regime_hmm");
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains("registered regime_hmm 1.0.0 of sleeve mn_equity", stdout, StringComparison.Ordinal);

        (code, _, stderr) = await RunAsync(file, "--model", "regime_hmm@1.0.7", "--sleeve", "mn_equity");
        Assert.Equal((2, true), (code, stderr.Contains(ErrorCodes.ModelNotFound.Value, StringComparison.Ordinal)));
        (code, _, stderr) = await RunAsync(file, "--model", "never_fitted");
        Assert.Equal((2, true), (code, stderr.Contains(ErrorCodes.ModelNotFound.Value, StringComparison.Ordinal)));
        (code, _, stderr) = await RunAsync(file, "--model", "regime_hmm", "--window", "16");
        Assert.Equal((2, true), (code, stderr.Contains(ErrorCodes.ModelSchemaMismatch.Value, StringComparison.Ordinal)));
        (code, _, stderr) = await RunAsync(file, "--model", "regime_hmm", "--restarts", "3");
        Assert.Equal((2, true), (code, stderr.Contains("nothing is fitted", StringComparison.Ordinal)));
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

    /// <summary>400 calm days (±0.5 %) then 200 wild days (±4 %), alternating signs with a seeded jitter.</summary>
    private async Task<string> CalmThenWildAsync()
    {
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
        return file;
    }

    private static (DateOnly[] Dates, double[] Returns) Read(string file)
    {
        string[] lines = File.ReadAllLines(file)[1..];
        return ([.. lines.Select(l => DateOnly.ParseExact(l[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture))],
                [.. lines.Select(l => double.Parse(l[11..], CultureInfo.InvariantCulture))]);
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        CliOutcome outcome = await CliHarness.RunAsync(_dir.Combine("lake"), ["regime", .. args]);
        return (outcome.ExitCode, outcome.Output, outcome.Error);
    }
}
