using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// The README's "your own data" tour, smaller: a per-symbol CSV folder → DataOps (<c>--set source=files</c>) → a sleeve → its
/// tear sheet; then the demo's sleeve manifest on the same data with three <c>--set</c>s (it used to take eight <c>--param</c>s).
/// </summary>
public sealed class OwnDataTourTests : IDisposable
{
    private readonly TempDirectory _dir = new("qf-tour");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Tour_CsvFolderToSleeveTearSheet_SucceedsOnTheRealCalendar()
    {
        string prices = _dir.Combine("prices");
        CliOutcome sample = (await RunAsync("data", "sample", prices, "--from", "2015-01-02", "--to", "2018-04-11", "--symbols", "12")).AssertExit(ExitCodes.Success);
        // XNYS sessions 2015-01-02..2018-04-11: 252 + 252 + 251 + 69 = 824 (exchange_calendars reference sessions, counted).
        Assert.Contains("wrote 12 files (9,888 bars, 2015-01-02..2018-04-11, 824 sessions each)", sample.Output, StringComparison.Ordinal);
        (await RunAsync("calendar", "check", prices)).AssertExit(ExitCodes.Success);

        (await RunAsync(
            "pipeline", "run", CliHarness.ShippedManifest("manifests/equity/dataops_us_equity/version=1.0.0/manifest.json"), "--run-id", "csv-import", "--as-of", "2018-04-12T00:00:00Z",
            "--set", "source=files", "--set", "path=" + prices, "--set", "start=2015-01-02")).AssertExit(ExitCodes.Success);
        CliOutcome check = (await RunAsync("calendar", "check", "--run", "csv-import")).AssertExit(ExitCodes.Success);
        (await RunAsync(
            "pipeline", "run", CliHarness.ShippedManifest("manifests/equity/sleeve_us_equity/version=1.0.0/manifest.json"), "--run-id", "csv-sleeve", "--as-of", "2018-04-12T00:00:00Z")).AssertExit(ExitCodes.Success);

        Assert.Contains("us_equity (bronze xnys, run csv-import): calendar XNYS, 12 symbols, 9,888 bars", check.Output, StringComparison.Ordinal);
        string tearSheet = await File.ReadAllTextAsync(_dir.Combine("lake", "gold", "us_equity_long", "sleeve_us_equity", "version=1.0.0", "report", "run=csv-sleeve", "tearsheet.md"));
        Assert.Contains("| Periods per year | 252 |", tearSheet, StringComparison.Ordinal);
        Assert.Matches(@"\| Period \| 2015-\d\d-\d\d → 2018-04-11 \|", tearSheet);

        (await RunAsync(
            "pipeline", "run", CliHarness.ShippedManifest("manifests/demo/sleeve/version=1.0.0/manifest.json"), "--run-id", "demo-sleeve-own", "--as-of", "2018-04-12T00:00:00Z",
            "--set", "sleeve=equity_long", "--set", "source_scope=equity", "--set", "source_pipeline=dataops_us_equity")).AssertExit(ExitCodes.Success);
        string demoSleeve = await File.ReadAllTextAsync(_dir.Combine("lake", "gold", "equity_long", "sleeve", "version=1.0.0", "report", "run=demo-sleeve-own", "tearsheet.md"));
        Assert.Contains("| Periods per year | 252 |", demoSleeve, StringComparison.Ordinal);
    }

    private Task<CliOutcome> RunAsync(params string[] args) => CliHarness.RunAsync(_dir.Combine("lake"), args);
}
