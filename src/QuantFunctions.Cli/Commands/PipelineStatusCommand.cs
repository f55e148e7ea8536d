using System.CommandLine;
using System.Text.Json;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Cli.Commands;

/// <summary><c>quant pipeline status RUN_ID [--json]</c>.</summary>
internal sealed class PipelineStatusCommand : CommandBase
{
    private readonly Argument<string> _runId = new("run-id") { Description = "The run." };
    private readonly Option<bool> _json = CliOptions.Json();

    public PipelineStatusCommand(CliContext context)
        : base("status", "Show a run's status and the state of every node.", context)
    {
        Arguments.Add(_runId);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string runId = parseResult.GetValue(_runId)!;
        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        RunRecord run = await CliRuntime.FindRunAsync(Context, runtime, runId, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            Context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(run, LakeJson.Options));
        }
        else
        {
            RunReport.Print(Context.Console, run);
        }

        return ExitCodes.Success;
    }
}
