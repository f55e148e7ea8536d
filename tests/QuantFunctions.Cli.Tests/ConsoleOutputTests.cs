using System.Text.RegularExpressions;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;
using Spectre.Console;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// Progress and colour: live progress bars and colour on a terminal; plain lines without any escape code when the
/// output is redirected (even with a colour-capable TERM); NO_COLOR removes every colour code, also on a terminal.
/// </summary>
public sealed partial class ConsoleOutputTests
{
    private static readonly Dictionary<string, string?> Xterm = new(StringComparer.Ordinal) { ["TERM"] = "xterm-256color", ["COLORTERM"] = "truecolor" };

    [Fact]
    public async Task Demo_StdoutRedirected_PlainProgressLinesWithoutEscapeCodes()
    {
        using var lake = new TempDirectory("qf-plain");

        (int exit, string output) = await QuantProcess.RunAsync(lake.Path, new Dictionary<string, string>(StringComparer.Ordinal) { ["TERM"] = "xterm-256color", ["COLORTERM"] = "truecolor" }, "demo");

        Assert.True(exit == 0, output);
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("running demo/dataops …\n", output, StringComparison.Ordinal);
        Assert.Contains("running demo/meta …\n", output, StringComparison.Ordinal);
        Assert.Contains("Succeeded", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "dumb")]
    public async Task Progress_NotALiveTerminal_OnePlainLineAndNoEscapeCodes(bool isTerminal, string? term)
    {
        using var output = new StringWriter();
        IAnsiConsole console = CliConsole.Create(output, isTerminal, name => name == "TERM" ? term ?? "xterm-256color" : Xterm.GetValueOrDefault(name));

        int result = await CliProgress.RunAsync(console, "reading big.parquet", 10, report => Work(report));
        console.MarkupLine("[green]Succeeded[/] [bold red]Failed[/]");

        Assert.Equal(42, result);
        Assert.False(CliProgress.IsLive(console));
        Assert.Equal("reading big.parquet …\nSucceeded Failed\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Progress_TerminalWithNoColor_DrawsProgressWithoutColourCodes()
    {
        using var output = new StringWriter();
        IAnsiConsole console = CliConsole.Create(output, isTerminal: true, name => name == "NO_COLOR" ? "1" : Xterm.GetValueOrDefault(name));

        await CliProgress.RunAsync(console, "reading big.parquet", 10, report => Work(report));
        console.MarkupLine("[green]Succeeded[/] [bold red]Failed[/] [on blue]x[/] [#ff8000]y[/]");

        Assert.True(CliProgress.IsLive(console));
        Assert.Contains('\u001b', output.ToString());  // the live display still moves the cursor
        Assert.Empty(ColourCodes(output.ToString()));
        Assert.Contains("Succeeded", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_TerminalWithColour_DrawsColouredProgress()
    {
        using var output = new StringWriter();
        IAnsiConsole console = CliConsole.Create(output, isTerminal: true, Xterm.GetValueOrDefault);

        await CliProgress.RunAsync(console, "reading big.parquet", 10, report => Work(report));
        console.MarkupLine("[green]Succeeded[/]");

        Assert.True(CliProgress.IsLive(console));
        Assert.NotEmpty(ColourCodes(output.ToString()));
        Assert.Contains("reading big.parquet", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoColor_EmptyValueIsUnset() =>
        Assert.Equal([false, true], new[] { "", "1" }.Select(v => CliConsole.NoColor(_ => v)));

    private static async Task<int> Work(Action<double> report)
    {
        for (int i = 0; i < 10; i++)
        {
            await Task.Yield();
            report(1);
        }

        return 42;
    }

    /// <summary>The SGR escape sequences that set a foreground or background colour (30–38, 40–48, 90–97, 100–107).</summary>
    private static List<string> ColourCodes(string text) =>
        [.. Sgr().Matches(text).Select(m => m.Value).Where(code => code[2..^1].Split(';').Any(p => int.TryParse(p, out int n) && n is (>= 30 and <= 38) or (>= 40 and <= 48) or (>= 90 and <= 97) or (>= 100 and <= 107)))];

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex Sgr();
}
