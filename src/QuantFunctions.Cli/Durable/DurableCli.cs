using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Hosting.Settings;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;

namespace QuantFunctions.Cli.Durable;

/// <summary>What the commands on a task hub share: their options, the blob-lake check, stderr logging and the runtime.</summary>
internal static class DurableCli
{
    /// <summary><c>--task-hub NAME</c>.</summary>
    public static Option<string> TaskHub() => new("--task-hub")
    {
        Description = "The Durable task hub, in the lake's storage account (3-45 letters and digits); the default is the Functions app's.",
        DefaultValueFactory = _ => DurableTaskHubOptions.DefaultTaskHubName,
    };

    /// <summary>
    /// The task hub options for the lake's storage account.
    /// </summary>
    /// <exception cref="UsageException">The lake is not a blob lake (the processes on a task hub must share one lake), or the task hub name is invalid.</exception>
    public static DurableTaskHubOptions HubOptions(
        CliContext context, string what, string taskHub, int? maxActivities = null, TimeSpan? takeoverAfter = null, TimeSpan? maxQueuePollingInterval = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Settings.Lake.Kind != LakeSettings.BlobKind || context.Settings.Lake.Storage is not StorageConnection storage)
        {
            throw new UsageException(
                $"{what} needs QF_LAKE=blob (and QF_STORAGE_CONNECTION): every process on a task hub must read and write the same lake, and the task hub lives in its storage account; the lake is {context.Settings.Lake}.");
        }

        if (!DurableTaskHubOptions.IsTaskHubName(taskHub))
        {
            throw new UsageException($"--task-hub '{taskHub}' is invalid: 3-45 letters and digits, starting with a letter.");
        }

        return new DurableTaskHubOptions
        {
            Storage = storage,
            TaskHubName = taskHub,
            MaxConcurrentActivities = maxActivities ?? context.Settings.MaxParallelism,
            TakeoverAfter = takeoverAfter,
            MaxQueuePollingInterval = maxQueuePollingInterval ?? DurableTaskHubOptions.DefaultMaxQueuePollingInterval,
        };
    }

    /// <summary>A logger factory writing single lines to standard error (never standard output, which carries the results).</summary>
    public static ILoggerFactory StandardErrorLogging(LogLevel minimum, string? verboseCategory = null) => LoggerFactory.Create(builder =>
    {
        builder.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.SetMinimumLevel(LogLevel.Trace);
        builder.AddFilter((category, level) => level >= minimum || (verboseCategory is not null && category == verboseCategory && level >= LogLevel.Information));
    });

    /// <summary>Opens the lake and the runtime over it, logging to <paramref name="loggerFactory"/>.</summary>
    public static async Task<PipelineRuntime> OpenRuntimeAsync(CliContext context, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ILakeStore lake = await CliRuntime.OpenLakeAsync(context, cancellationToken);
        return PipelineRuntime.Create(lake, new RunnerOptions { MaxParallelism = context.Settings.MaxParallelism }, loggerFactory, context.Time, CliRuntime.MarketDataHttpOf(context));
    }
}
