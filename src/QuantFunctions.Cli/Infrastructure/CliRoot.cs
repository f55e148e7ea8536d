using System.CommandLine;
using QuantFunctions.Cli.Commands;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>Builds the command tree of <c>quant</c>.</summary>
public static class CliRoot
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("QuantFunctions: a quantitative portfolio platform — lake, pipelines, allocation, validation, audit.");
        root.Subcommands.Add(new DemoCommand(context));
        root.Subcommands.Add(new AllocateCommand(context));
        root.Subcommands.Add(new MetricsCommand(context));
        root.Subcommands.Add(new SelectCommand(context));
        root.Subcommands.Add(new RegimeCommand(context));
        root.Subcommands.Add(Group("pipeline", "Run, resume, inspect and cancel pipelines.", new PipelineRunCommand(context), new PipelineResumeCommand(context), new PipelineStatusCommand(context), new PipelineCancelCommand(context)));
        root.Subcommands.Add(new WorkerCommand(context));
        root.Subcommands.Add(Group("stage", "List stages, show their parameters, run one node alone.", new StageListCommand(context), new StageSchemaCommand(context), new StageRunCommand(context)));
        root.Subcommands.Add(Group("lake", "Browse the lake.", new LakeListCommand(context)));
        root.Subcommands.Add(Group("ledger", "Audit ledgers.", new LedgerVerifyCommand(context)));
        root.Subcommands.Add(Group("data", "DataOps: import market data, data health, the point-in-time feature store.", new DataImportCommand(context), new DataSampleCommand(context), new DataHealthCommand(context), new DataFeaturesCommand(context)));
        root.Subcommands.Add(Group("calendar", "Trading calendars: sessions, checking data against a calendar, user calendars.", new CalendarSessionsCommand(context), new CalendarCheckCommand(context), new CalendarAddCommand(context)));
        root.Subcommands.Add(Group("parquet", "Inspect and print Parquet files.", new ParquetInspectCommand(context), new ParquetCatCommand(context)));
        root.Subcommands.Add(new SqlCommand(context));
        root.Subcommands.Add(Group("paper", "Paper trading: step a day, show the book, resume after a kill switch.", new PaperStepCommand(context), new PaperStatusCommand(context), new PaperResumeCommand(context)));
        root.Subcommands.Add(new ValidateRunCommand(context));
        root.Subcommands.Add(new PromoteCommand(context));
        root.Subcommands.Add(Group("tournament", "Tournaments: run a matrix manifest, show a run's strict scoreboard.",
            new PipelineRunCommand(context, "run", "Run a tournament manifest (one plan node per cell; cells cached in gold) and print its strict scoreboard.", TournamentOutput.PrintScoreboardAsync),
            new TournamentShowCommand(context)));
        return root;
    }

    private static Command Group(string name, string description, params Command[] children)
    {
        var group = new Command(name, description);
        foreach (Command child in children)
        {
            group.Subcommands.Add(child);
        }

        return group;
    }
}
