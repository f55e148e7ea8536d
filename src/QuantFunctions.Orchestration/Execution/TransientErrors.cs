using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>
/// What counts as transient (retried with backoff): <see cref="TransientStageException"/>,
/// <see cref="TimeoutException"/>, <see cref="HttpRequestException"/> and <see cref="IOException"/> except
/// a missing file or folder. Everything else (validation errors, argument errors, missing inputs,
/// cancellations, a node timeout) fails the node at once.
/// </summary>
public static class TransientErrors
{
    /// <summary>True when <paramref name="exception"/> is worth retrying.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        TransientStageException or TimeoutException or HttpRequestException => true,
        FileNotFoundException or DirectoryNotFoundException => false,
        IOException => true,
        _ => false,
    };
}
