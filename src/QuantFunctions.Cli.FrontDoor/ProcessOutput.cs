using QuantFunctions.Cli.Compute.Infrastructure;
using Spectre.Console;

namespace QuantFunctions.Cli.FrontDoor;

/// <summary>
/// Standard output and error of the front door's process. The console is created when a command first writes, so a
/// command line handed to the host has touched neither stream.
/// </summary>
internal sealed class ProcessOutput : ICommandOutput
{
    private IAnsiConsole? _console;

    /// <summary>Standard output: live progress and colour on a terminal only; plain text when redirected; NO_COLOR honoured.</summary>
    public IAnsiConsole Console => _console ??= CliConsole.Create(System.Console.Out, !System.Console.IsOutputRedirected, Environment.GetEnvironmentVariable);

    /// <summary>Standard error.</summary>
    public TextWriter Error => System.Console.Error;
}
