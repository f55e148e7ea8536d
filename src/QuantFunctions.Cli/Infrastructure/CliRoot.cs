using System.CommandLine;
using QuantFunctions.Cli.Commands;
using QuantFunctions.Cli.Compute;
using QuantFunctions.Cli.Compute.Infrastructure;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>Builds the command tree of <c>quant</c>.</summary>
public static class CliRoot
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("QuantFunctions: a quantitative portfolio platform — lake, pipelines, allocation, validation, audit.");
        root.Subcommands.Add(new DemoCommand(context));
        root.Subcommands.Add(ComputeCommands.Allocate(context));
        root.Subcommands.Add(ComputeCommands.Metrics(context));
        root.Subcommands.Add(new SelectCommand(context));
        root.Subcommands.Add(new RegimeCommand(context));
        root.Subcommands.Add(CommandGroup.Of("pipeline", "Run, resume, inspect and cancel pipelines.", new PipelineRunCommand(context), new PipelineResumeCommand(context), new PipelineStatusCommand(context), new PipelineCancelCommand(context)));
        root.Subcommands.Add(new WorkerCommand(context));
        root.Subcommands.Add(CommandGroup.Of("stage", "List stages, show their parameters, run one node alone.", new StageListCommand(context), new StageSchemaCommand(context), new StageRunCommand(context)));
        root.Subcommands.Add(CommandGroup.Of("lake", "Browse the lake.", new LakeListCommand(context)));
        root.Subcommands.Add(CommandGroup.Of("ledger", "Audit ledgers.", new LedgerVerifyCommand(context)));
        root.Subcommands.Add(CommandGroup.Of("data", "DataOps: import market data, data health, the point-in-time feature store.", new DataImportCommand(context), new DataSampleCommand(context), new DataHealthCommand(context), new DataFeaturesCommand(context)));
        root.Subcommands.Add(CommandGroup.Of("calendar", "Trading calendars: sessions, checking data against a calendar, user calendars.", new CalendarSessionsCommand(context), new CalendarCheckCommand(context), new CalendarAddCommand(context)));
        root.Subcommands.Add(ComputeCommands.Parquet(context));
        root.Subcommands.Add(new SqlCommand(context));
        root.Subcommands.Add(CommandGroup.Of("paper", "Paper trading: step a day, show the book, resume after a kill switch.", new PaperStepCommand(context), new PaperStatusCommand(context), new PaperResumeCommand(context)));
        root.Subcommands.Add(new ValidateRunCommand(context));
        root.Subcommands.Add(new PromoteCommand(context));
        root.Subcommands.Add(CommandGroup.Of("tournament", "Tournaments: run a matrix manifest, show a run's strict scoreboard.",
            new PipelineRunCommand(context, "run", "Run a tournament manifest (one plan node per cell; cells cached in gold) and print its strict scoreboard.", TournamentOutput.PrintScoreboardAsync),
            new TournamentShowCommand(context)));
        return root;
    }
}
