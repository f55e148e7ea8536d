using System.Diagnostics;
using System.Globalization;
using System.Text;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// The published <c>quant</c> as a user runs it: the native-AOT front door in artifacts/quant (built by ./quant, which
/// test.sh runs before the tests) serving the compute commands itself and handing the rest to the host (artifacts/quant/host/quant). Each
/// outcome is compared with the same command line run in process (<see cref="CliHarness"/>).
/// </summary>
public sealed class FrontDoorTests : IDisposable
{
    private readonly TempDirectory _dir = new("qf-front-door");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Allocate_Json_IsByteForByteTheInProcessOutput()
    {
        string file = WriteReturns("returns.csv", assets: 6, days: 120);
        string[] args = ["allocate", file, "--engine", "min_variance", "--json"];
        Published published = await RunPublishedAsync(args);
        CliOutcome inProcess = await CliHarness.RunAsync(_dir.Path, args);
        Assert.True(published.Exit == 0, published.Error);
        Assert.Equal(inProcess.ExitCode, published.Exit);
        Assert.Equal(Encoding.UTF8.GetBytes(inProcess.Output), published.Output);
        Assert.Equal("", published.Error);
    }

    [Fact]
    public async Task Metrics_Json_IsByteForByteTheInProcessOutput()
    {
        string file = WriteReturns("returns.csv", assets: 3, days: 60);
        string[] args = ["metrics", file, "--json"];
        Published published = await RunPublishedAsync(args);
        CliOutcome inProcess = await CliHarness.RunAsync(_dir.Path, args);
        Assert.True(published.Exit == 0, published.Error);
        Assert.Equal(Encoding.UTF8.GetBytes(inProcess.Output), published.Output);
    }

    [Fact]
    public async Task ComputeCommandError_KeepsItsCodeMessageAndExitCode()
    {
        string[] args = ["allocate", Path.Combine(_dir.Path, "missing.csv"), "--engine", "min_variance"];
        Published published = await RunPublishedAsync(args);
        CliOutcome inProcess = await CliHarness.RunAsync(_dir.Path, args);
        Assert.Equal(2, published.Exit);
        Assert.Equal(inProcess.ExitCode, published.Exit);
        Assert.StartsWith("quant allocate: input.file_not_found: ", published.Error, StringComparison.Ordinal);
        Assert.Equal(inProcess.Error, published.Error);
    }

    [Fact]
    public async Task HostedCommand_UsageError_PassesStandardErrorAndExitCodeThrough()
    {
        // `pipeline run` without its manifest argument: a parse error of the host's command tree.
        string[] args = ["pipeline", "run"];
        Published published = await RunPublishedAsync(args);
        CliOutcome inProcess = await CliHarness.RunAsync(_dir.Path, args);
        Assert.Equal(2, published.Exit);
        Assert.StartsWith("quant: cli.usage: ", published.Error, StringComparison.Ordinal);
        Assert.Equal(inProcess.Error, published.Error);
        Assert.Empty(published.Output);
    }

    [Fact]
    public async Task HostedCommand_Output_PassesThrough()
    {
        Published published = await RunPublishedAsync(["stage", "list"]);
        CliOutcome inProcess = await CliHarness.RunAsync(_dir.Path, "stage", "list");
        Assert.True(published.Exit == 0, published.Error);
        Assert.Contains("alpha.select", Encoding.UTF8.GetString(published.Output), StringComparison.Ordinal);
        Assert.Equal(inProcess.ExitCode, published.Exit);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError()
    {
        Published published = await RunPublishedAsync(["frobnicate"]);
        Assert.Equal(2, published.Exit);
        Assert.Contains("quant: cli.usage: ", published.Error, StringComparison.Ordinal);
        Assert.Contains("frobnicate", published.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsComputeAndHostedCommands()
    {
        Published published = await RunPublishedAsync(["--help"]);
        Assert.Equal(0, published.Exit);
        string help = Encoding.UTF8.GetString(published.Output);
        Assert.Contains("Usage:\n  quant [command] [options]", help, StringComparison.Ordinal);
        foreach (string command in new[] { "allocate", "metrics", "parquet", "demo", "pipeline", "worker", "sql", "stage", "data", "paper", "tournament", "promote" })
        {
            Assert.Matches($"(?m)^  {command}\\b", help);
        }
    }

    [Theory]
    [InlineData("allocate", "--engine")]
    [InlineData("parquet", "inspect")]
    [InlineData("sql", "--format")]
    [InlineData("pipeline", "resume")]
    public async Task CommandHelp_WorksForBothKinds(string command, string expected)
    {
        Published published = await RunPublishedAsync([command, "--help"]);
        Assert.True(published.Exit == 0, published.Error);
        Assert.Contains(expected, Encoding.UTF8.GetString(published.Output), StringComparison.Ordinal);
    }

    /// <summary>A returns CSV with a date column: seeded normal-ish returns (seed 7), 17 significant digits.</summary>
    private string WriteReturns(string name, int assets, int days)
    {
        var random = new Random(7);
        var text = new StringBuilder("date");
        for (int a = 0; a < assets; a++)
        {
            text.Append(CultureInfo.InvariantCulture, $",A{a}");
        }

        text.Append('\n');
        var day = new DateOnly(2024, 1, 1);
        for (int d = 0; d < days; d++, day = day.AddDays(1))
        {
            text.Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            for (int a = 0; a < assets; a++)
            {
                double r = (random.NextDouble() - 0.5) * 0.04 * (1 + (a * 0.3));
                text.Append(',').Append(r.ToString("R", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        string path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private sealed record Published(int Exit, byte[] Output, string Error);

    /// <summary>Runs artifacts/quant/quant with <paramref name="args"/> in the temporary folder, outside any terminal.</summary>
    private async Task<Published> RunPublishedAsync(string[] args)
    {
        string quant = Path.Combine(RepositoryRoot.Find(), "artifacts", "quant", "quant");
        Assert.True(File.Exists(quant) && File.Exists(Path.Combine(Path.GetDirectoryName(quant)!, "host", "quant")),
            $"the published quant is missing at {quant}: run ./quant --help (test.sh does) to build it");
        var start = new ProcessStartInfo(quant) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _dir.Path };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        QuantProcess.UseCleanEnvironment(start, _dir.Path);
        using Process process = Process.Start(start)!;
        using var output = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await copy;
        return new Published(process.ExitCode, output.ToArray(), await error);
    }
}
