using System.CommandLine;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant stage run NODE --run-id ID</c>: runs one node of an existing run alone, reading its inputs
/// from the lake (a clear error when they are missing) and recording its state in the run.
/// </summary>
internal sealed class StageRunCommand : CommandBase
{
    private readonly Argument<string> _node = new("node") { Description = "Node key, e.g. alpha.allocate[crypto_long]." };
    private readonly Option<string> _runId = new("--run-id") { Description = "The run the node belongs to.", Required = true };

    public StageRunCommand(CliContext context)
        : base("run", "Run one node of a run alone (inputs from the lake).", context)
    {
        Arguments.Add(_node);
        Options.Add(_runId);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string node = parseResult.GetValue(_node)!;
        string runId = parseResult.GetValue(_runId)!;
        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        _ = await CliRuntime.FindRunAsync(Context, runtime, runId, cancellationToken);
        StageRecord record = await runtime.Runner.RunNodeAsync(runId, node, cancellationToken);
        TextWriter output = Context.Console.Profile.Out.Writer;
        output.WriteLine($"{record.Node.Value}: {record.Status} after {record.Attempts} attempt(s)");
        foreach (OutputLocation location in record.Outputs)
        {
            output.WriteLine($"  {location.Name}: {location.Path.Value}");
        }

        if (record.Error is not null)
        {
            output.WriteLine($"{record.Error.Code ?? record.Error.Type}: {record.Error.Message}");
        }

        return record.Status == NodeStatus.Succeeded ? ExitCodes.Success : ExitCodes.RunFailed;
    }
}
