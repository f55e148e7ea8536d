using System.Text;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
using Spectre.Console;

namespace QuantFunctions.Cli.Commands;

/// <summary>Prints a tournament run's outcome: the scoreboard (Markdown or JSON) and where the winner tear sheet is.</summary>
internal static class TournamentOutput
{
    /// <summary>The scoreboard's Markdown and the winner tear sheet's path (<c>quant tournament run</c>).</summary>
    public static async Task PrintScoreboardAsync(CliContext context, ILakeStore lake, RunRecord run, CancellationToken cancellationToken)
    {
        TextWriter writer = context.Console.Profile.Out.Writer;
        writer.WriteLine(await ReadOutputAsync(lake, run, "scoreboard_md", cancellationToken));
        foreach (OutputLocation html in Outputs(run, "tearsheet_html"))
        {
            writer.WriteLine($"winner tear sheet: {html.Path.Value}");
        }
    }

    /// <summary>The demo's lines: the verdict and winner, and where the scoreboard and winner tear sheet are.</summary>
    public static async Task PrintVerdictAsync(IAnsiConsole console, ILakeStore lake, RunRecord run, CancellationToken cancellationToken)
    {
        TextWriter writer = console.Profile.Out.Writer;
        if (JsonNode.Parse(await ReadOutputAsync(lake, run, "scoreboard_json", cancellationToken)) is JsonObject board)
        {
            writer.WriteLine($"  tournament ({board["cells"]} cells): {board["verdict"]} Winner: {board["winner"]}.");
        }

        foreach (OutputLocation output in Outputs(run, "scoreboard_md").Concat(Outputs(run, "tearsheet_html")))
        {
            writer.WriteLine($"  {output.Name}: {output.Path.Value}");
        }
    }

    /// <summary>The content of the run's output named <paramref name="name"/>.</summary>
    /// <exception cref="UsageException">The run has no such output (not a tournament run, or its scoreboard did not run).</exception>
    public static async Task<string> ReadOutputAsync(ILakeStore lake, RunRecord run, string name, CancellationToken cancellationToken)
    {
        OutputLocation output = Outputs(run, name).FirstOrDefault()
            ?? throw new UsageException($"run '{run.RunId}' has no tournament scoreboard (no '{name}' output): is it a tournament run that finished?");
        LakeObject content = await lake.TryReadAsync(output.Path, cancellationToken) ?? throw new LakeObjectNotFoundException(output.Path);
        return Encoding.UTF8.GetString(content.Content.Span);
    }

    private static IEnumerable<OutputLocation> Outputs(RunRecord run, string name) =>
        run.Nodes.SelectMany(n => n.Outputs).Where(o => o.Name == name);
}
