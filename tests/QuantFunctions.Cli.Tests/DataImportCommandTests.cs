using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

public sealed class DataImportCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("qf-import");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Import_PerSymbolFolderTwice_WritesBronzeOnceThenAddsNoRows()
    {
        Directory.CreateDirectory(_dir.Combine("in"));
        await File.WriteAllTextAsync(_dir.Combine("in", "AAPL.csv"), "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,187.15,188.44,183.89,185.64,184.94,82488700\n2024-01-03,184.22,185.88,183.43,184.25,183.55,58414500\n");
        await File.WriteAllTextAsync(_dir.Combine("in", "MSFT.csv"), "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,373.86,375.90,366.77,370.87,368.0,25258600\n");

        (int code, string output, _) = await RunAsync(_dir.Combine("in"), "--market", "XNYS");
        (int again, string output2, _) = await RunAsync(_dir.Combine("in"), "--market", "XNYS");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("imported 3 rows for 2 symbols (2024-01-02..2024-01-03)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("stale", output, StringComparison.Ordinal);  // MSFT ends a day before the newest bar: within the 7-day freshness
        Assert.Equal(ExitCodes.Success, again);
        Assert.Contains("imported 0 rows", output2, StringComparison.Ordinal);
        Assert.True(Directory.Exists(_dir.Combine("lake", "bronze", "xnys", "spot", "ohlcv")));
    }

    [Fact]
    public async Task Import_MalformedRowStrict_UsageErrorNamingFileLineColumnAndNothingWritten()
    {
        string file = _dir.Combine("long.csv");
        await File.WriteAllTextAsync(file, "symbol,ts,open,high,low,close,volume\nBTCUSDT,2024-01-01,1,2,0.5,1.5,10\nBTCUSDT,2024-01-02,1,2,0.5,oops,10\n");

        (int code, _, string error) = await RunAsync(file, "--market", "BINANCE", "--layout", "long");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("long.csv:3:6: 'oops' is not a number (close)", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("lake", "bronze")));
    }

    [Fact]
    public async Task Import_UnterminatedQuoteEvenLenient_UsageErrorNamingFileLineColumnAndNothingWritten()
    {
        string file = _dir.Combine("long.csv");
        await File.WriteAllTextAsync(file, "symbol,ts,open,high,low,close,volume\nBTCUSDT,2024-01-01,1,2,0.5,1.5,10\n\"BTCUSDT,2024-01-02,1,2,0.5,1.5,10\nBTCUSDT,2024-01-03,1,2,0.5,1.5,10\n");

        (int code, _, string error) = await RunAsync(file, "--market", "BINANCE", "--layout", "long", "--lenient");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("long.csv:3:1: unterminated quote", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("lake", "bronze")));
    }

    [Fact]
    public async Task Import_InvalidOhlcLenient_DropsAndReportsTheRow()
    {
        string file = _dir.Combine("long.csv");
        await File.WriteAllTextAsync(file, "sym,when,o,h,l,c,v\nBTCUSDT,2024-01-01,1,2,0.5,1.5,10\nBTCUSDT,2024-01-02,1,0.9,0.5,1.5,10\n");

        (int code, string output, _) = await RunAsync(file, "--market", "BINANCE", "--layout", "long", "--map", "symbol=sym", "--map", "date=when", "--lenient");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("long.csv:3  BINANCE:BTCUSDT: high 0.9 < max(open 1, close 1.5)", output, StringComparison.Ordinal);
        Assert.Contains("imported 1 rows for 1 symbols", output, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        CliOutcome outcome = await CliHarness.RunAsync(_dir.Combine("lake"), ["data", "import", .. args]);
        return (outcome.ExitCode, outcome.Output, outcome.Error);
    }
}
