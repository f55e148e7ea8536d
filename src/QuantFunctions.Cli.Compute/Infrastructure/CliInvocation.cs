using System.CommandLine;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Cli.Compute.Infrastructure;

/// <summary>Parses a command line against a command tree and runs it: how both executables of <c>quant</c> start a command.</summary>
public static class CliInvocation
{
    /// <summary>
    /// Parses <paramref name="args"/> against <paramref name="root"/> and runs the command. A parse error is reported as
    /// <c>quant: cli.usage: …</c> lines on <see cref="ICommandOutput.Error"/> and exits <see cref="ExitCodes.UsageError"/>.
    /// </summary>
    public static async Task<int> RunAsync(RootCommand root, ICommandOutput output, string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(output);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await output.Error.WriteLineAsync($"quant: {ErrorCodes.Usage}: {error.Message}");
            }

            await output.Error.WriteLineAsync("Run 'quant --help' for usage.");
            return ExitCodes.UsageError;
        }

        // Ctrl+C and SIGTERM cancel cancellationToken (the executable's Main); System.CommandLine's own handling is off, as
        // it would end the process 2 s after the signal, before a worker has left its task hub.
        return await parse.InvokeAsync(
            new InvocationConfiguration { Output = output.Console.Profile.Out.Writer, Error = output.Error, ProcessTerminationTimeout = null }, cancellationToken);
    }
}
