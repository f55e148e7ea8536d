using System.ComponentModel.DataAnnotations;

namespace QuantFunctions.Orchestration.Queue;

/// <summary>Options of the queue runner and its workers.</summary>
public sealed record QueueRunnerOptions
{
    /// <summary>How long a received message stays invisible; extended every <see cref="HeartbeatInterval"/> while its node runs.</summary>
    /// <value>Default 30 s.</value>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a running node's message visibility and node claim lease are extended.</summary>
    /// <value>Default 10 s.</value>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The duration of the run lease (re-planning) and the node claim lease (15–60 s).</summary>
    /// <value>Default 30 s: a killed worker's claim frees within this time.</value>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle worker waits between empty polls.</summary>
    /// <value>Default 500 ms.</value>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Failed deliveries before a message is poisoned (Functions <c>maxDequeueCount</c>).</summary>
    /// <value>Default 5.</value>
    [Range(1, 100)]
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ValidationException">An option is out of range; the message names it.</exception>
    public QueueRunnerOptions Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (LeaseDuration < TimeSpan.FromSeconds(15) || LeaseDuration > TimeSpan.FromSeconds(60))
        {
            throw new ValidationException($"LeaseDuration must be between 15 and 60 seconds (blob lease limits), got {LeaseDuration}.");
        }

        if (VisibilityTimeout < TimeSpan.FromSeconds(2))
        {
            throw new ValidationException($"VisibilityTimeout must be at least 2 seconds, got {VisibilityTimeout}.");
        }

        if (HeartbeatInterval <= TimeSpan.Zero || HeartbeatInterval >= VisibilityTimeout || HeartbeatInterval >= LeaseDuration)
        {
            throw new ValidationException($"HeartbeatInterval must be positive and shorter than VisibilityTimeout and LeaseDuration, got {HeartbeatInterval}.");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ValidationException($"PollInterval must be positive, got {PollInterval}.");
        }

        return this;
    }
}
