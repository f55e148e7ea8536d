using System.CommandLine;
using Microsoft.Extensions.Logging;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Orchestration.Queue;
using QuantFunctions.Stages.Hosting;

namespace QuantFunctions.Cli.Commands;

/// <summary><c>quant worker [--queue qf-nodes] [--max-messages N] [--idle-exit SECONDS]</c>: runs queued nodes against the blob lake.</summary>
internal sealed class WorkerCommand : CommandBase
{
    private readonly Option<string> _queue = new("--queue") { Description = "The node queue.", DefaultValueFactory = _ => QueueRuntime.DefaultQueue };
    private readonly Option<int?> _maxMessages = new("--max-messages") { Description = "Stop after handling this many messages." };
    private readonly Option<double?> _idleExit = new("--idle-exit") { Description = "Stop after the queue was empty this many seconds." };

    public WorkerCommand(CliContext context)
        : base("worker", "Run queued pipeline nodes (QF_LAKE=blob, QF_STORAGE_CONNECTION); start runs with `quant pipeline enqueue`.", context)
    {
        Options.Add(_queue);
        Options.Add(_maxMessages);
        Options.Add(_idleExit);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        int? maxMessages = parseResult.GetValue(_maxMessages);
        double? idle = parseResult.GetValue(_idleExit);
        if (maxMessages is < 1 || idle is < 0)
        {
            throw new UsageException("--max-messages must be ≥ 1 and --idle-exit ≥ 0.");
        }

        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        using ILoggerFactory logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        QueueRunner runner = CliRuntime.OpenQueue(Context, runtime, parseResult.GetValue(_queue)!, logging);
        var worker = new QueueWorker(runner, logging, Context.Time);
        Context.Error.WriteLine($"worker on queue '{runner.Queue.Name}' (lake {CliRuntime.LakeSettingsOf(Context.Settings)})");
        int handled;
        try
        {
            handled = await worker.RunAsync(maxMessages, idle is { } s ? TimeSpan.FromSeconds(s) : null, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Context.Error.WriteLine("worker stopped");
            return ExitCodes.Success;
        }

        Context.Console.Profile.Out.Writer.WriteLine($"handled {handled} message(s)");
        return ExitCodes.Success;
    }
}
