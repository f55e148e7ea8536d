namespace QuantFunctions.Testing;

/// <summary>
/// A <see cref="FixtureServer"/> reply that does not come until the test is over: <see cref="Hang"/> signals
/// <see cref="Received"/> and blocks the server until <see cref="Release"/> (at most a minute), then answers. Release it
/// before the server is disposed (the server waits for its loop).
/// </summary>
public sealed class HangingReply : IDisposable
{
    private readonly ManualResetEventSlim _release = new();
    private bool _disposed;
    private readonly TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a request reached <see cref="Hang"/>.</summary>
    public Task Received => _received.Task;

    /// <summary>Blocks until released, then answers <paramref name="reply"/>.</summary>
    public FixtureReply Hang(FixtureReply reply)
    {
        _received.TrySetResult();
        _release.Wait(TimeSpan.FromMinutes(1));
        return reply;
    }

    /// <summary>Lets the blocked reply go.</summary>
    public void Release()
    {
        if (!_disposed)
        {
            _release.Set();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Release();
        _disposed = true;
        _release.Dispose();
    }
}
