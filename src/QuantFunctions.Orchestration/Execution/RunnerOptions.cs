using System.ComponentModel.DataAnnotations;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>Options of the runners and of node execution (retries, timeout, parallelism).</summary>
public sealed record RunnerOptions
{
    /// <summary>Nodes run at once, at most (the composition root reads <c>QF_MAX_PARALLELISM</c>).</summary>
    /// <value>Default 4.</value>
    [Range(1, 1024)]
    public int MaxParallelism { get; init; } = 4;

    /// <summary>Retries after a transient error (0 = no retry).</summary>
    /// <value>Default 3.</value>
    [Range(0, 100)]
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first retry delay; retry n waits <c>RetryBaseDelay · 2^(n-1)</c> (no jitter, for reproducible runs).</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The timeout of one attempt of one node (10 ms to 24 h).</summary>
    /// <value>Default 30 minutes.</value>
    public TimeSpan NodeTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>When true, the first failed node stops the run: no new node starts and pending nodes are skipped.</summary>
    /// <value>Default true.</value>
    public bool FailFast { get; init; } = true;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ValidationException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromHours(1))
        {
            throw new ValidationException($"RetryBaseDelay must be between 0 and 1 hour, got {RetryBaseDelay}.");
        }

        if (NodeTimeout < TimeSpan.FromMilliseconds(10) || NodeTimeout > TimeSpan.FromHours(24))
        {
            throw new ValidationException($"NodeTimeout must be between 10 ms and 24 hours, got {NodeTimeout}.");
        }
    }
}
