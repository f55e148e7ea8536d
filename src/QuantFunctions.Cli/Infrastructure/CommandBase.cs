using System.CommandLine;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>
/// Base of every <c>quant</c> command: runs <see cref="ExecuteAsync"/> and maps the errors a user can
/// act on to a clear message and an exit code (2 for usage and validation, 1 for a failed run).
/// </summary>
internal abstract class CommandBase : Command
{
    protected CommandBase(string name, string description, CliContext context)
        : base(name, description)
    {
        Context = context;
        SetAction((parseResult, cancellationToken) => RunAsync(parseResult, cancellationToken));
    }

    /// <summary>Settings, console and clock.</summary>
    protected CliContext Context { get; }

    /// <summary>The command's work; returns an exit code from <see cref="ExitCodes"/>.</summary>
    protected abstract Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken);

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(parseResult, cancellationToken);
        }
        catch (Exception ex) when (CliErrorClassifier.IsUsageError(ex))
        {
            await Context.Error.WriteLineAsync($"quant {Name}: {ex.Message}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Context.Error.WriteLineAsync($"quant {Name}: cancelled");
            return ExitCodes.RunFailed;
        }
    }
}
