namespace QuantFunctions.Lake.Azure;

/// <summary>
/// Poison-message handling as Azure Functions queue triggers do it: a message that has failed
/// <see cref="MaxDequeueCount"/> times (counting the first) is moved to <c>&lt;queue&gt;-poison</c> as a
/// <see cref="PoisonMessage"/> recording the error, and deleted from its queue.
/// </summary>
/// <remarks>
/// The poison record is written before the original is deleted, so a crash in between may leave a duplicate
/// in the poison queue but never loses a message. Reference: learn.microsoft.com/azure/azure-functions/
/// functions-bindings-storage-queue-trigger (poison messages; host.json <c>maxDequeueCount</c>, default 5).
/// </remarks>
public sealed class PoisonQueueHandler
{
    /// <summary>Errors longer than this are cut (and marked as cut) so the record fits in a queue message.</summary>
    public const int MaxErrorLength = 4096;

    private readonly StorageQueueClient _queue;
    private readonly StorageQueueClient _poison;
    private readonly TimeProvider _time;
    private bool _poisonQueueCreated;

    /// <summary>Creates the handler for <paramref name="queue"/>; the poison queue is created on first use.</summary>
    /// <param name="queue">The work queue.</param>
    /// <param name="maxDequeueCount">Failed attempts allowed before poisoning (Functions default 5).</param>
    public PoisonQueueHandler(StorageQueueClient queue, int maxDequeueCount = 5)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDequeueCount, 1);
        _queue = queue;
        _poison = queue.ForQueue(PoisonQueueName(queue.Name));
        _time = queue.TimeProvider;
        MaxDequeueCount = maxDequeueCount;
    }

    /// <summary>Failed attempts allowed before a message is poisoned.</summary>
    public int MaxDequeueCount { get; }

    /// <summary>The client of the poison queue.</summary>
    public StorageQueueClient PoisonQueue => _poison;

    /// <summary>The poison queue's name: <c>&lt;queue&gt;-poison</c>.</summary>
    /// <exception cref="ArgumentException">The result would exceed 63 characters.</exception>
    public static string PoisonQueueName(string queueName)
    {
        ArgumentNullException.ThrowIfNull(queueName);
        string name = queueName + "-poison";
        StorageNames.Validate(name, "poison queue");
        return name;
    }

    /// <summary>
    /// Records a failed attempt: poisons the message when this was attempt <see cref="MaxDequeueCount"/> or later,
    /// else makes it visible again after <paramref name="retryDelay"/>. True when it was poisoned.
    /// </summary>
    public async Task<bool> HandleFailureAsync(QueueMessage message, string error, TimeSpan retryDelay = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.DequeueCount >= MaxDequeueCount)
        {
            await MoveToPoisonAsync(message, error, cancellationToken).ConfigureAwait(false);
            return true;
        }

        await _queue.UpdateMessageAsync(message, retryDelay, cancellationToken: cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Poisons a just-received message whose DequeueCount already exceeds <see cref="MaxDequeueCount"/> (its earlier
    /// attempts died without reporting, e.g. a killed worker). True when it was moved and must not be processed.
    /// </summary>
    public async Task<bool> PoisonIfExceededAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.DequeueCount <= MaxDequeueCount)
        {
            return false;
        }

        string error = $"Dequeued {message.DequeueCount} times, more than maxDequeueCount {MaxDequeueCount}, without completing.";
        await MoveToPoisonAsync(message, error, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Moves a received message to the poison queue with <paramref name="error"/> and deletes it from its queue.</summary>
    public async Task<PoisonMessage> MoveToPoisonAsync(QueueMessage message, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(error);
        if (!_poisonQueueCreated)
        {
            await _poison.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            _poisonQueueCreated = true;
        }

        string recorded = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength] + $"… (truncated from {error.Length} characters)";
        var record = new PoisonMessage(_queue.Name, message.MessageId, message.DequeueCount, message.InsertedOn, recorded, message.Text ?? message.RawText, _time.GetUtcNow());
        await _poison.SendMessageAsync(record.ToJson(), timeToLive: Timeout.InfiniteTimeSpan, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _queue.DeleteMessageAsync(message, cancellationToken).ConfigureAwait(false);
        return record;
    }
}
