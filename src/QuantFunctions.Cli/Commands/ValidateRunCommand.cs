using System.CommandLine;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Stages.Promotion;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant validate-run RUN</c>: the atomic run contract — succeeded, manifest snapshot stored, every recorded output
/// present, Parquet fingerprints reproduce, ledger verifies. Records <c>validation.json</c> in the run folder; exit 1 when
/// any check fails.
/// </summary>
internal sealed class ValidateRunCommand : CommandBase
{
    private readonly Argument<string> _runId = new("run-id") { Description = "The run to validate." };

    public ValidateRunCommand(CliContext context)
        : base("validate-run", "Check a run's artifacts, fingerprints and ledger (the run contract); records validation.json.", context) => Arguments.Add(_runId);

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        RunRecord run = await CliRuntime.FindRunAsync(Context, runtime, parseResult.GetValue(_runId)!, cancellationToken);
        IReadOnlyList<GateResult> checks = await RunValidator.ValidateAndRecordAsync(runtime.Lake, run, cancellationToken);
        GateTable.Print(Context.Console, checks);
        bool valid = checks.All(c => c.Passed);
        Context.Console.Profile.Out.Writer.WriteLine($"run {run.RunId}: {(valid ? "VALID" : "INVALID")} ({RunValidator.PathOf(run)})");
        return valid ? ExitCodes.Success : ExitCodes.RunFailed;
    }
}
