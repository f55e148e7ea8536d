using Microsoft.Extensions.Logging;
using QuantFunctions.Lake.Azure;

namespace QuantFunctions.Orchestration.Queue;

/// <summary>
/// A worker loop over the node queue: receives one message at a time (hidden for
/// <see cref="QueueRunnerOptions.VisibilityTimeout"/>, extended while the node runs), hands it to
/// <see cref="QueueRunner.ProcessAsync"/>, deletes it when handled, and on failure lets it reappear after a back-off
/// or, on delivery <see cref="QueueRunnerOptions.MaxDequeueCount"/>, moves it to <c>&lt;queue&gt;-poison</c> with the error.
/// </summary>
public sealed class QueueWorker
{
    private readonly QueueRunner _runner;
    private readonly PoisonQueueHandler _poison;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the worker.</summary>
    public QueueWorker(QueueRunner runner, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _runner = runner;
        _poison = new PoisonQueueHandler(runner.Queue, runner.Options.MaxDequeueCount);
        _time = timeProvider;
        _logger = loggerFactory.CreateLogger<QueueWorker>();
    }

    /// <summary>Processes messages until cancelled, <paramref name="maxMessages"/> were handled, or the queue was empty for <paramref name="idleExit"/>.</summary>
    /// <param name="maxMessages">Stop after this many messages (null: no limit).</param>
    /// <param name="idleExit">Stop after the queue was empty this long (null: never).</param>
    /// <param name="cancellationToken">Stops the loop; a node in progress is recorded Cancelled and its message reappears for another worker.</param>
    /// <returns>The number of messages handled (including poisoned and failed deliveries).</returns>
    public async Task<int> RunAsync(int? maxMessages = null, TimeSpan? idleExit = null, CancellationToken cancellationToken = default)
    {
        StorageQueueClient queue = _runner.Queue;
        await queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        int handled = 0;
        long idleSince = _time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested && (maxMessages is null || handled < maxMessages))
        {
            IReadOnlyList<QueueMessage> received = await queue.ReceiveMessagesAsync(1, _runner.Options.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
            if (received.Count == 0)
            {
                if (idleExit is { } idle && _time.GetElapsedTime(idleSince) >= idle)
                {
                    break;
                }

                await Task.Delay(_runner.Options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await HandleAsync(received[0], cancellationToken).ConfigureAwait(false);
            handled++;
            idleSince = _time.GetTimestamp();
        }

        return handled;
    }

    /// <summary>Handles one received message; returns what was done, or null when it failed (retried later) or was poisoned.</summary>
    public async Task<NodeOutcome?> HandleAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        QueueMessage current = message;
        NodeMessage node;
        try
        {
            node = NodeMessage.Parse(message.Text ?? throw new FormatException("The message body is not base64-encoded UTF-8."));
        }
        catch (FormatException ex)
        {
            await _poison.MoveToPoisonAsync(message, "Malformed node message: " + ex.Message, cancellationToken).ConfigureAwait(false);
            _logger.LogError(ex, "Message {MessageId} poisoned: malformed", message.MessageId);
            return null;
        }

        if (await _poison.PoisonIfExceededAsync(message, cancellationToken).ConfigureAwait(false))
        {
            _logger.LogError("Message {MessageId} poisoned: dequeued {Count} times without completing", message.MessageId, message.DequeueCount);
            await FailPoisonedAsync(node, $"Dequeued {message.DequeueCount} times without completing (maxDequeueCount {_poison.MaxDequeueCount}).", cancellationToken).ConfigureAwait(false);
            return null;
        }

        try
        {
            NodeOutcome outcome = await _runner.ProcessAsync(
                node,
                async ct => current = await _runner.Queue.UpdateMessageAsync(current, _runner.Options.VisibilityTimeout, cancellationToken: ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            if (outcome == NodeOutcome.ClaimedElsewhere)
            {
                // The claim holder may be alive (a duplicate) or dead (its lease lapses within LeaseDuration): look again then.
                await _runner.Queue.UpdateMessageAsync(current, _runner.Options.LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _runner.Queue.DeleteMessageAsync(current, cancellationToken).ConfigureAwait(false);
            }

            _logger.LogInformation("Node {Node} of run {RunId}: {Outcome}", node.Node, node.RunId, outcome);
            return outcome;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            string error = $"{ex.GetType().FullName}: {ex.Message}";
            bool poisoned = await _poison.HandleFailureAsync(current, error, RetryDelay(current.DequeueCount), cancellationToken).ConfigureAwait(false);
            _logger.LogError(ex, "Node {Node} of run {RunId}: delivery {Count} failed{Poisoned}", node.Node, node.RunId, current.DequeueCount, poisoned ? ", message poisoned" : ", will be retried");
            if (poisoned)
            {
                await FailPoisonedAsync(node, error, cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
    }

    /// <summary>Best effort: the poisoned node is recorded Failed so its run ends; storage may be what failed, so errors are logged only.</summary>
    private async Task FailPoisonedAsync(NodeMessage node, string error, CancellationToken cancellationToken)
    {
        try
        {
            await _runner.FailPoisonedNodeAsync(node, error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            _logger.LogError(ex, "Could not record poisoned node {Node} of run {RunId} as failed; resume the run once storage is back", node.Node, node.RunId);
        }
    }

    /// <summary>Back-off before a failed delivery reappears: 1, 2, 4, 8… seconds, at most 60.</summary>
    private static TimeSpan RetryDelay(long dequeueCount) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Max(0, dequeueCount - 1))));
}
