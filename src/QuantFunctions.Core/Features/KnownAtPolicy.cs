namespace QuantFunctions.Core.Features;

/// <summary>Point-in-time rule: when a bar (and every feature computed at its row) becomes known.</summary>
/// <remarks>
/// known_at = ts + <see cref="CloseOffset"/> + <see cref="Lag"/>. For daily bars stamped at the session date
/// (00:00 UTC) the close is one day later for 24×7 markets; an equity session closing 21:00 UTC uses 21 h. The lag
/// models publication delay. Every feature at row t uses only rows ≤ t, so a row is knowable at its bar's known_at,
/// and a reader at as-of time A sees exactly the rows with known_at ≤ A (<see cref="VisibleRowCount"/>).
/// </remarks>
public sealed record KnownAtPolicy
{
    /// <summary>Offset from the bar timestamp to its close.</summary>
    /// <value>1 day.</value>
    public TimeSpan CloseOffset { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Extra publication lag after the close (≥ 0).</summary>
    /// <value>Zero.</value>
    public TimeSpan Lag { get; init; } = TimeSpan.Zero;

    /// <summary>Checks that the offset and the lag are not negative.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offset or the lag is negative; the message names it.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(CloseOffset, TimeSpan.Zero, nameof(CloseOffset));
        ArgumentOutOfRangeException.ThrowIfLessThan(Lag, TimeSpan.Zero, nameof(Lag));
    }

    /// <summary>The known_at time of a bar stamped <paramref name="timestamp"/>.</summary>
    /// <param name="timestamp">The bar timestamp (UTC).</param>
    /// <returns>timestamp + close offset + lag.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The offset or the lag is negative.</exception>
    public DateTimeOffset KnownAt(DateTimeOffset timestamp)
    {
        Validate();
        return timestamp + CloseOffset + Lag;
    }

    /// <summary>Writes known_at for every timestamp.</summary>
    /// <param name="timestamps">Bar timestamps.</param>
    /// <param name="destination">Same length.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public void KnownAt(ReadOnlySpan<DateTimeOffset> timestamps, Span<DateTimeOffset> destination)
    {
        if (destination.Length != timestamps.Length)
        {
            throw new ArgumentException(
                $"Destination length {destination.Length} must equal the timestamp count {timestamps.Length}.", nameof(destination));
        }

        Validate();
        TimeSpan delay = CloseOffset + Lag;
        for (int i = 0; i < timestamps.Length; i++)
        {
            destination[i] = timestamps[i] + delay;
        }
    }

    /// <summary>Number of leading rows with known_at ≤ <paramref name="asOf"/> (known_at must be non-decreasing).</summary>
    /// <param name="knownAt">known_at per row, non-decreasing.</param>
    /// <param name="asOf">The reader's as-of time.</param>
    /// <returns>The count of visible rows; rows at and after it are in the reader's future.</returns>
    public static int VisibleRowCount(ReadOnlySpan<DateTimeOffset> knownAt, DateTimeOffset asOf)
    {
        int lo = 0, hi = knownAt.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (knownAt[mid] <= asOf)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
