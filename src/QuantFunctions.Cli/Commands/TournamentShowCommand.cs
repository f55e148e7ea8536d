using System.CommandLine;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Cli.Commands;

/// <summary><c>quant tournament show RUN_ID [--json]</c>: a tournament run's strict scoreboard (Markdown, or its scoreboard.json).</summary>
internal sealed class TournamentShowCommand : CommandBase
{
    private readonly Argument<string> _runId = new("run-id") { Description = "The tournament run." };
    private readonly Option<bool> _json = CliOptions.Json();

    public TournamentShowCommand(CliContext context)
        : base("show", "Show a tournament run's strict scoreboard: every cell and baseline by rank, the gates, the strict candidates.", context)
    {
        Arguments.Add(_runId);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        RunRecord run = await CliRuntime.FindRunAsync(Context, runtime, parseResult.GetValue(_runId)!, cancellationToken);
        bool json = parseResult.GetValue(_json);
        Context.Console.Profile.Out.Writer.WriteLine(await TournamentOutput.ReadOutputAsync(runtime.Lake, run, json ? "scoreboard_json" : "scoreboard_md", cancellationToken));
        return ExitCodes.Success;
    }
}
