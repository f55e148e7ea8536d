using System.CommandLine;

namespace QuantFunctions.Cli.Compute.Infrastructure;

/// <summary>Commands that only group subcommands (<c>quant parquet</c>, <c>quant pipeline</c>, …).</summary>
public static class CommandGroup
{
    /// <summary>A command named <paramref name="name"/> whose subcommands are <paramref name="children"/>.</summary>
    public static Command Of(string name, string description, params Command[] children)
    {
        ArgumentNullException.ThrowIfNull(children);
        var group = new Command(name, description);
        foreach (Command child in children)
        {
            group.Subcommands.Add(child);
        }

        return group;
    }
}
