namespace QuantFunctions.Host.Runs;

/// <summary>A run this Host process is executing (local runner), or whose start failed here (either runner).</summary>
/// <param name="Pipeline">The pipeline id.</param>
/// <param name="Created">When it was accepted.</param>
/// <param name="Cancellation">Cancels it (terminate); null when nothing executes here (a failed queue start).</param>
public sealed record ActiveRun(string Pipeline, DateTimeOffset Created, CancellationTokenSource? Cancellation)
{
    /// <summary>The background execution.</summary>
    public Task? Task { get; set; }

    /// <summary>Set when terminate was requested.</summary>
    public bool Terminated { get; set; }

    /// <summary>Why the run could not start or record itself (e.g. storage down), when that happened.</summary>
    public string? StartError { get; set; }

    /// <summary>True while the execution is being set up or runs in this process.</summary>
    public bool IsExecuting => Task is not { IsCompleted: true };
}
