using Microsoft.Extensions.Logging;
using QuantFunctions.Core.Errors;
using QuantFunctions.Hosting;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>Opens the lake and the pipeline runtime a command needs, from the CLI settings.</summary>
internal static class CliRuntime
{
    /// <summary>Opens the lake.</summary>
    public static Task<ILakeStore> OpenLakeAsync(CliContext context, CancellationToken cancellationToken) =>
        LakeStoreFactory.OpenAsync(context.Settings.Lake, cancellationToken);

    /// <summary>Opens the lake and builds the runtime over it.</summary>
    public static async Task<PipelineRuntime> OpenAsync(CliContext context, CancellationToken cancellationToken)
    {
        ILakeStore lake = await OpenLakeAsync(context, cancellationToken);
        var options = new RunnerOptions { MaxParallelism = context.Settings.MaxParallelism };
        return PipelineRuntime.Create(lake, options, LoggerFactory, context.Time, MarketDataHttpOf(context));
    }

    /// <summary>The market data HTTP clients with the settings' limits (QF_HTTP_*).</summary>
    public static MarketDataHttp MarketDataHttpOf(CliContext context) => MarketDataHttp.Create(context.Settings.OutboundHttp, context.Time);

    /// <summary>The run with id <paramref name="runId"/> in any scope of the runtime's lake.</summary>
    /// <exception cref="RunStateException">No such run (<see cref="ErrorCodes.RunNotFound"/>, exit 2), naming the lake.</exception>
    public static async Task<RunRecord> FindRunAsync(CliContext context, PipelineRuntime runtime, string runId, CancellationToken cancellationToken) =>
        await runtime.Runner.Store.FindAsync(runId, cancellationToken)
            ?? throw new RunStateException(ErrorCodes.RunNotFound, $"no run '{runId}' in the lake ({context.Settings.Lake})");

    /// <summary>Warnings and errors of the runtime to standard error.</summary>
    private static ILoggerFactory LoggerFactory { get; } = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
}
