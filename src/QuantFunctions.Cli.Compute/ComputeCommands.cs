using System.CommandLine;
using QuantFunctions.Cli.Compute.Commands;
using QuantFunctions.Cli.Compute.Infrastructure;

namespace QuantFunctions.Cli.Compute;

/// <summary>
/// The compute commands: they read local files and print, and need neither the lake settings nor a host. The front door
/// serves them in its own process; the host registers the same instances in its command tree.
/// </summary>
public static class ComputeCommands
{
    /// <summary><c>quant allocate</c>.</summary>
    public static Command Allocate(ICommandOutput output) => new AllocateCommand(output);

    /// <summary><c>quant metrics</c>.</summary>
    public static Command Metrics(ICommandOutput output) => new MetricsCommand(output);

    /// <summary><c>quant parquet inspect|cat</c>.</summary>
    public static Command Parquet(ICommandOutput output) =>
        CommandGroup.Of("parquet", "Inspect and print Parquet files.", new ParquetInspectCommand(output), new ParquetCatCommand(output));

    /// <summary>Every compute command, in the order <c>quant --help</c> lists them.</summary>
    public static Command[] All(ICommandOutput output) => [Allocate(output), Metrics(output), Parquet(output)];
}
