namespace QuantFunctions.Host.Runs;

/// <summary>A run executing in this Host process.</summary>
/// <param name="Pipeline">The pipeline id.</param>
/// <param name="Created">When it was accepted.</param>
/// <param name="Cancellation">Cancels it (terminate).</param>
public sealed record ActiveRun(string Pipeline, DateTimeOffset Created, CancellationTokenSource Cancellation)
{
    /// <summary>The background execution.</summary>
    public Task? Task { get; set; }

    /// <summary>Set when terminate was requested.</summary>
    public bool Terminated { get; set; }

    /// <summary>Why the run could not start or record itself (e.g. storage down), when that happened.</summary>
    public string? StartError { get; set; }
}
