using System.CommandLine;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Cli.Compute.Infrastructure;

/// <summary>
/// Base of every <c>quant</c> command: runs <see cref="ExecuteAsync"/> and reports an error that carries a code
/// (<see cref="ErrorCodes.Of"/>) as one line, <c>quant &lt;command&gt;: &lt;code&gt;: &lt;message&gt;</c>, exiting
/// with the code's <see cref="ErrorCode.ExitCode"/> (2 for usage and validation, 1 for a failure). Anything else is a
/// fault and keeps its stack trace.
/// </summary>
/// <typeparam name="TContext">What the command gets: at least its output (the host's commands also get settings and a clock).</typeparam>
internal abstract class CliCommand<TContext> : Command
    where TContext : ICommandOutput
{
    /// <summary>Creates the command.</summary>
    /// <param name="name">The command's name on the command line.</param>
    /// <param name="description">One line for <c>--help</c>.</param>
    /// <param name="context">What the command gets.</param>
    protected CliCommand(string name, string description, TContext context)
        : base(name, description)
    {
        Context = context;
        SetAction((parseResult, cancellationToken) => RunAsync(parseResult, cancellationToken));
    }

    /// <summary>Output, and whatever else the executable gives its commands.</summary>
    protected TContext Context { get; }

    /// <summary>The command's work; returns an exit code from <see cref="ExitCodes"/>.</summary>
    protected abstract Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken);

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(parseResult, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Context.Error.WriteLineAsync($"quant {Name}: cancelled");
            return ExitCodes.RunFailed;
        }
        catch (Exception ex) when (ErrorCodes.Of(ex) is { } code)
        {
            await Context.Error.WriteLineAsync($"quant {Name}: {code}: {ex.Message}");
            return code.ExitCode;
        }
    }
}
