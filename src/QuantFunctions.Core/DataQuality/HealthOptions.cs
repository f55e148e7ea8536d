using QuantFunctions.Core.Features;

namespace QuantFunctions.Core.DataQuality;

/// <summary>Thresholds of the health audit (seed 000 §3 items 6–7, §6.5, §11.1; seed 001 §2.1).</summary>
/// <remarks>Validated by <see cref="Validate"/>, which <see cref="HealthAuditor"/> calls at construction.</remarks>
public sealed record HealthOptions
{
    /// <summary>Calendar days of history a production run wants; shorter is DEGRADED.</summary>
    /// <value>500.</value>
    public int LookbackDays { get; init; } = 500;

    /// <summary>Calendar days of history below which the symbol is DROPPED.</summary>
    /// <value>90.</value>
    public int MinHistoryDays { get; init; } = 90;

    /// <summary>Staleness threshold for crypto (as-of time minus the last bar's known_at).</summary>
    /// <value>24 hours.</value>
    public TimeSpan CryptoMaxStaleness { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Staleness threshold for equities.</summary>
    /// <value>168 hours.</value>
    public TimeSpan EquityMaxStaleness { get; init; } = TimeSpan.FromHours(168);

    /// <summary>|simple daily return| above which a bar is toxic (5.0 = 500%).</summary>
    /// <value>5.0.</value>
    public double ToxicReturn { get; init; } = 5.0;

    /// <summary>Fraction of missing expected sessions above which the symbol is DROPPED.</summary>
    /// <value>0.10.</value>
    public double MaxGapFraction { get; init; } = 0.10;

    /// <summary>Runs of at most this many consecutive missing sessions are tolerated (market-day normalisation).</summary>
    /// <value>1.</value>
    public int ToleratedGapSessions { get; init; } = 1;

    /// <summary>Reasons kept per rule and symbol; further hits are summarised in one extra reason.</summary>
    /// <value>20.</value>
    public int MaxReasonsPerRule { get; init; } = 20;

    /// <summary>
    /// When true, a bar on a date that is not an expected session (a closed day) makes the symbol DROPPED; otherwise
    /// DEGRADED, and the downstream stages drop the off-calendar rows and count them.
    /// </summary>
    /// <value>false.</value>
    public bool StrictCalendar { get; init; }

    /// <summary>When true, a DROPPED symbol throws <see cref="HealthCheckException"/>.</summary>
    /// <value>false.</value>
    public bool Strict { get; init; }

    /// <summary>When a bar becomes known (for freshness and look-ahead checks).</summary>
    /// <value>Daily close, no lag.</value>
    public KnownAtPolicy KnownAt { get; init; } = new();

    /// <summary>Checks every threshold.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of range; the message names it.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinHistoryDays, 1, nameof(MinHistoryDays));
        ArgumentOutOfRangeException.ThrowIfLessThan(LookbackDays, MinHistoryDays, nameof(LookbackDays));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CryptoMaxStaleness, TimeSpan.Zero, nameof(CryptoMaxStaleness));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(EquityMaxStaleness, TimeSpan.Zero, nameof(EquityMaxStaleness));
        if (!(ToxicReturn > 0 && double.IsFinite(ToxicReturn)))
        {
            throw new ArgumentOutOfRangeException(nameof(ToxicReturn), ToxicReturn, "Must be finite and positive.");
        }

        if (!(MaxGapFraction >= 0 && MaxGapFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxGapFraction), MaxGapFraction, "Must lie in [0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(ToleratedGapSessions, nameof(ToleratedGapSessions));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReasonsPerRule, 1, nameof(MaxReasonsPerRule));
        ArgumentNullException.ThrowIfNull(KnownAt, nameof(KnownAt));
        KnownAt.Validate();
    }
}
