using System.CommandLine;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Core.DataQuality;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Cli.Commands;

/// <summary><c>quant data health UNIVERSE [--run RUN_ID] [--pipeline ID] [--version V]</c>: the health summary of a universe.</summary>
internal sealed class DataHealthCommand : CommandBase
{
    private readonly Argument<string> _universe = new("universe") { Description = "The universe (e.g. crypto_spot)." };
    private readonly Option<string?> _run = new("--run") { Description = "The run whose registry to show; default: the latest (greatest as-of time)." };
    private readonly Option<string> _pipeline = DataOptions.Pipeline();
    private readonly Option<string> _version = DataOptions.Version();

    public DataHealthCommand(CliContext context)
        : base("health", "Print a universe's data health summary (HEALTHY / DEGRADED / DROPPED and why) from its health registry.", context)
    {
        Arguments.Add(_universe);
        Options.Add(_run);
        Options.Add(_pipeline);
        Options.Add(_version);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string universe = parseResult.GetValue(_universe)!;
        string? run = parseResult.GetValue(_run);
        string pipeline = parseResult.GetValue(_pipeline)!, version = parseResult.GetValue(_version)!;
        ILakeStore lake = await CliRuntime.OpenLakeAsync(Context, cancellationToken);
        HealthRegistry registry = await HealthRegistryTable.ReadAsync(lake, universe, pipeline, version, run, cancellationToken)
            ?? throw new UsageException(
                $"no health registry for universe '{universe}'{(run is null ? string.Empty : $" and run '{run}'")} under {HealthRegistryTable.DatasetPath(universe, pipeline, version)} "
                + "(run a DataOps pipeline with a dataops.health node first, e.g. ./quant demo)");
        string title = FormattableString.Invariant($"Data health — {universe} as of {registry.AsOf:yyyy-MM-dd HH:mm} UTC (run {registry.RunId})");
        TextWriter output = Context.Console.Profile.Out.Writer;
        output.Write(HealthSummaryRenderer.Render(registry.Results, title));
        output.WriteLine();
        output.WriteLine($"registry: {registry.Path}");
        return ExitCodes.Success;
    }
}
