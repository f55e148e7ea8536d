using System.CommandLine;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Stages.Promotion;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant promote RUN [--tournament RUN] [--meta M] [--burn-in N] [--exception gate=reason]…</c>: the promotion checklist
/// (seed 002 §4, seed 000 §3 item 20), each gate PASS / FAIL / MISSING with its evidence path — the scoreboard gates read the
/// strict scoreboard of the <c>--tournament</c> run; writes <c>promotion.json</c> and
/// <c>promotion.md</c> into the run folder. Exit 0 only when every gate passes (an explicit exception, recorded with its
/// reason, counts as passing); otherwise exit 1 naming the failing gates.
/// </summary>
internal sealed class PromoteCommand : CommandBase
{
    private readonly Argument<string> _runId = new("run-id") { Description = "The model (meta) run to promote." };
    private readonly Option<string> _meta = PaperCli.Meta();
    private readonly Option<int> _burnIn = new("--burn-in") { Description = "Paper days without a tripped limit the paper_burn_in gate needs.", DefaultValueFactory = _ => 20 };
    private readonly Option<string?> _tournament = new("--tournament") { Description = "The tournament run whose strict scoreboard is the scoreboard gates' evidence (default: a scoreboard under the run's own gold)." };
    private readonly Option<string[]> _exceptions = new("--exception") { Description = "An explicit, recorded exception: gate=reason (repeatable)." };

    public PromoteCommand(CliContext context)
        : base("promote", "Check a run against every promotion gate; writes promotion.json and promotion.md; exit 0 only if all pass.", context)
    {
        Arguments.Add(_runId);
        Options.Add(_tournament);
        Options.Add(_meta);
        Options.Add(_burnIn);
        Options.Add(_exceptions);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string e in parseResult.GetValue(_exceptions) ?? [])
        {
            int eq = e.IndexOf('=', StringComparison.Ordinal);
            string gate = eq > 0 ? e[..eq] : e;
            if (eq <= 0 || e[(eq + 1)..].Trim().Length < 3 || !PromotionEvidence.Gates.Contains(gate))
            {
                throw new UsageException($"--exception '{e}': expected gate=reason with a reason of at least 3 characters; gates: {string.Join(", ", PromotionEvidence.Gates)}");
            }

            exceptions[gate] = e[(eq + 1)..].Trim();
        }

        int burnIn = parseResult.GetValue(_burnIn);
        if (burnIn < 1)
        {
            throw new UsageException("--burn-in must be at least 1");
        }

        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        RunRecord run = await CliRuntime.FindRunAsync(Context, runtime, parseResult.GetValue(_runId)!, cancellationToken);
        RunRecord? tournament = parseResult.GetValue(_tournament) is { } tournamentId ? await CliRuntime.FindRunAsync(Context, runtime, tournamentId, cancellationToken) : null;
        var options = new PromotionOptions { Meta = parseResult.GetValue(_meta)!, BurnInDays = burnIn, Tournament = tournament, Exceptions = exceptions };
        IReadOnlyList<GateResult> gates = await Promoter.EvaluateAsync(runtime.Lake, run, (id, ct) => runtime.Runner.Store.FindAsync(id, ct), options, cancellationToken);
        (LakePath json, LakePath md) = await Promoter.WriteAsync(runtime.Lake, run, gates, options, cancellationToken);
        GateTable.Print(Context.Console, gates);
        string[] failing = [.. gates.Where(g => !g.Passed).Select(g => $"{g.Gate} ({GateJson.Name(g.Status)})")];
        Context.Console.Profile.Out.Writer.WriteLine(failing.Length == 0
            ? $"run {run.RunId}: PROMOTABLE — every gate passes ({json}, {md})"
            : $"run {run.RunId}: NOT PROMOTABLE — failing: {string.Join(", ", failing)} ({json}, {md})");
        return failing.Length == 0 ? ExitCodes.Success : ExitCodes.RunFailed;
    }
}
