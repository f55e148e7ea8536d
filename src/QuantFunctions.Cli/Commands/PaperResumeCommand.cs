using System.CommandLine;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Trading;
using QuantFunctions.Hosting;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant paper resume --reason TEXT [--meta M]</c>: the explicit, audited action that clears a tripped kill switch —
/// the paper_resume pipeline as run <c>paper-{meta}-{yyyymmdd}-resume</c> for the book's last day.
/// </summary>
internal sealed class PaperResumeCommand : CommandBase
{
    private readonly Option<string> _reason = new("--reason") { Description = "Why trading may resume (recorded in the audit ledger and resume.json).", Required = true };
    private readonly Option<string> _meta = PaperCli.Meta();

    public PaperResumeCommand(CliContext context)
        : base("resume", "Clear a tripped kill switch, with an audited reason.", context)
    {
        Options.Add(_reason);
        Options.Add(_meta);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string meta = parseResult.GetValue(_meta)!;
        string reason = parseResult.GetValue(_reason)!;
        if (reason.Trim().Length < 3)
        {
            throw new UsageException("--reason: say why trading may resume (at least 3 characters)");
        }

        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        var store = PaperCli.Store(runtime, meta);
        IReadOnlyList<DateOnly> days = await store.DaysAsync(cancellationToken);
        if (days.Count == 0)
        {
            throw new TradingException(ErrorCodes.TradingBookState, $"'{meta}' has no paper book");
        }

        var asOf = new DateTimeOffset(days[^1].AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var set = new Dictionary<string, string>(StringComparer.Ordinal) { ["meta"] = meta, ["reason"] = reason };
        RunRecord run = await PaperCli.RunAsync(Context, runtime, PaperCli.ResumeManifest, store.ResumeRunIdOf(days[^1]), asOf, set, cancellationToken);
        if (run.Status == RunStatus.Succeeded)
        {
            Context.Console.Profile.Out.Writer.WriteLine($"kill switch cleared for the book of {days[^1]:yyyy-MM-dd}: {store.ResumePath(days[^1])} (audited in run {run.RunId})");
        }

        return RunReport.ExitCode(run);
    }
}
