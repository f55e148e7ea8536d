using System.CommandLine;
using QuantFunctions.Cli.Compute;
using QuantFunctions.Cli.Compute.Infrastructure;

namespace QuantFunctions.Cli.FrontDoor;

/// <summary>
/// The <c>quant</c> command a user runs: the compute commands (<see cref="ComputeCommands"/>) in this native process,
/// every other command line in the host (<see cref="HostExecutable"/>).
/// </summary>
public static class Program
{
    /// <summary>Runs the command line and returns the process exit code (0 ok, 1 run failed, 2 usage or validation error).</summary>
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var output = new ProcessOutput();
        Command[] commands = ComputeCommands.All(output);
        if (args.Length == 0 || Array.Find(commands, c => c.Name == args[0]) is null)
        {
            return HostExecutable.Run(args);
        }

        using var signals = new StopSignals();
        var root = new RootCommand("QuantFunctions: a quantitative portfolio platform.");
        foreach (Command command in commands)
        {
            root.Subcommands.Add(command);
        }

        return await CliInvocation.RunAsync(root, output, args, signals.Token);
    }
}
