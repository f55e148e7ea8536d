using System.CommandLine;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using Spectre.Console;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant ledger verify RUN_ID</c>: checks the run's audit hash chain (and, against the head recorded in
/// run.json, that no entry was cut off the end); names the first broken entry. Exit 1 when broken.
/// </summary>
internal sealed class LedgerVerifyCommand : CommandBase
{
    private readonly Argument<string> _runId = new("run-id") { Description = "The run whose audit.jsonl is verified." };

    public LedgerVerifyCommand(CliContext context)
        : base("verify", "Verify a run's hash-chained audit ledger.", context) => Arguments.Add(_runId);

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string runId = parseResult.GetValue(_runId)!;
        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        RunRecord run = await CliRuntime.FindRunAsync(Context, runtime, runId, cancellationToken);
        var path = LakePathResolver.AuditLedger(run.Scope, run.RunId);
        AuditVerificationResult result = await AuditLedgerVerifier.VerifyAsync(runtime.Lake, path, run.AuditHead, cancellationToken);
        if (result.IsValid)
        {
            Context.Console.MarkupLineInterpolated($"[green]ledger intact[/]: {path} ({result.EntryCount} entries)");
            return ExitCodes.Success;
        }

        Context.Console.MarkupLineInterpolated($"[red]ledger broken[/]: {path}: {result.Message}");
        return ExitCodes.RunFailed;
    }
}
