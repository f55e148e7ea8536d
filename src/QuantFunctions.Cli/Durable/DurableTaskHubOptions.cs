using QuantFunctions.Lake.Azure;

namespace QuantFunctions.Cli.Durable;

/// <summary>
/// Where and how <see cref="DurableTaskHub"/> joins a task hub: the storage account (the lake's connection: a connection
/// string or an identity), the task hub name, and the Azure Storage provider's knobs that matter outside Functions.
/// </summary>
public sealed record DurableTaskHubOptions
{
    /// <summary>The default task hub: the Functions app's (<c>host.json</c> <c>extensions.durableTask.hubName</c>).</summary>
    public const string DefaultTaskHubName = "quantfunctions";

    /// <summary>The default of <see cref="MaxQueuePollingInterval"/>: 1 s.</summary>
    public static readonly TimeSpan DefaultMaxQueuePollingInterval = TimeSpan.FromSeconds(1);

    /// <summary>The storage account holding the task hub's queues, tables and lease blobs.</summary>
    public required StorageConnection Storage { get; init; }

    /// <summary>The task hub name (3-45 letters and digits, starting with a letter); default <see cref="DefaultTaskHubName"/>.</summary>
    public string TaskHubName { get; init; } = DefaultTaskHubName;

    /// <summary>Control-queue partitions of a new task hub; default 4, as <c>host.json</c>. An existing hub keeps its count.</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>Activities this process runs at once; default 2.</summary>
    public int MaxConcurrentActivities { get; init; } = 2;

    /// <summary>
    /// How long work held by a process that died stays locked before another process takes it over: the partition lease
    /// (renewed and re-balanced every third of it) and the visibility timeout of dequeued control and work-item messages.
    /// Null: the provider's defaults (30 s leases, 5 min messages). It must exceed the longest activity (a work item is not
    /// renewed while it runs), else the activity is delivered again while it still runs.
    /// </summary>
    public TimeSpan? TakeoverAfter { get; init; }

    /// <summary>
    /// The longest wait between two polls of an empty queue (polling backs off up to it); default 1 s. A step of a run waits
    /// for the poll of the control queue that carries its message, so this bounds the latency a process whose queues were
    /// idle adds to it; each idle process polls its control queues and the work-item queue once per interval (storage
    /// transactions). Durable Functions' default is 30 s.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = DefaultMaxQueuePollingInterval;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range or the task hub name is invalid.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Storage);
        if (!IsTaskHubName(TaskHubName))
        {
            throw new ArgumentException($"task hub name '{TaskHubName}' is invalid: 3-45 letters and digits, starting with a letter.", nameof(TaskHubName));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(PartitionCount, 1, nameof(PartitionCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PartitionCount, 16, nameof(PartitionCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentActivities, 1, nameof(MaxConcurrentActivities));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxConcurrentActivities, 256, nameof(MaxConcurrentActivities));
        if (TakeoverAfter is { } takeover)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(takeover, TimeSpan.FromSeconds(3), nameof(TakeoverAfter));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQueuePollingInterval, TimeSpan.FromMilliseconds(100), nameof(MaxQueuePollingInterval));
    }

    /// <summary>True for a valid Azure Storage task hub name: 3-45 ASCII letters and digits, starting with a letter.</summary>
    public static bool IsTaskHubName(string? name) =>
        name is { Length: >= 3 and <= 45 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
}
