using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace QuantFunctions.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer the code under test creates (a <c>Task.Delay</c>, a retry
/// backoff, a timeout), so a test advances the clock exactly when the code waits on it — no wall-clock polling and no
/// race between "the code starts waiting" and "the test moves time on".
/// </summary>
public sealed class ObservableTimeProvider : FakeTimeProvider
{
    /// <summary>How long a test waits for the code under test to create a timer before failing.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>Starts at <paramref name="start"/>, or the <see cref="FakeTimeProvider"/> default.</summary>
    public ObservableTimeProvider(DateTimeOffset? start = null)
        : base(start ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created (in creation order, each reported once).</summary>
    /// <exception cref="TimeoutException">No timer was created within <see cref="Patience"/> (real time).</exception>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            return await _created.Reader.ReadAsync(patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            throw new TimeoutException($"The code under test created no timer within {Patience}.");
        }
    }

    /// <summary>Skips timers until one with <paramref name="dueTime"/> is created.</summary>
    /// <exception cref="TimeoutException">No such timer was created within <see cref="Patience"/> of the previous one (real time).</exception>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        while (await NextTimerAsync() != dueTime)
        {
        }
    }
}
