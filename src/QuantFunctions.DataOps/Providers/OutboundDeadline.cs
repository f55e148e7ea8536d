using System.Globalization;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// A stage's overall deadline for outbound HTTP, on a <see cref="TimeProvider"/>: <see cref="Token"/> is cancelled when the
/// caller's token is or when <see cref="Limit"/> has passed; <see cref="IsExpired"/> tells the two apart.
/// </summary>
public sealed class OutboundDeadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _outer;

    /// <summary>Starts the deadline now.</summary>
    /// <param name="limit">How long from now.</param>
    /// <param name="time">The clock (a fake one in tests).</param>
    /// <param name="cancellationToken">The caller's token, linked into <see cref="Token"/>.</param>
    public OutboundDeadline(TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        Limit = limit;
        _outer = cancellationToken;
        _timer = new CancellationTokenSource(limit, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timer.Token);
    }

    /// <summary>How long the stage's outbound HTTP may take.</summary>
    public TimeSpan Limit { get; }

    /// <summary>Cancelled at the deadline or with the caller's token: pass it to every provider call.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>True when the deadline (not the caller) cancelled <see cref="Token"/>.</summary>
    public bool IsExpired => _timer.IsCancellationRequested && !_outer.IsCancellationRequested;

    /// <summary>The error to throw once <see cref="IsExpired"/>: <see cref="ErrorCodes.ProviderDeadlineExceeded"/>, naming <paramref name="what"/>.</summary>
    public ProviderException Exceeded(string what, OperationCanceledException? cancelled = null) =>
        new($"{what}: the outbound HTTP deadline of {Limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ({OutboundHttpOptions.StageDeadlineSetting}) passed; stopped", [], cancelled)
        {
            Code = ErrorCodes.ProviderDeadlineExceeded,
        };

    /// <inheritdoc/>
    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
