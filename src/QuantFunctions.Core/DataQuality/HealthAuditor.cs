using System.Globalization;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.DataQuality;

/// <summary>Audits one symbol's bars against the health rules and returns HEALTHY / DEGRADED / DROPPED with reasons.</summary>
/// <remarks>
/// <para>Rules, in evaluation order (defaults in <see cref="HealthOptions"/>):</para>
/// <list type="number">
/// <item><see cref="HealthRule.Timestamps"/> — timestamps strictly increasing (no duplicates) and no bar known after
/// the as-of time: DROPPED.</item>
/// <item><see cref="HealthRule.MissingValues"/> — any NaN/±∞ in open, high, low, close, volume: DROPPED.</item>
/// <item><see cref="HealthRule.OhlcSanity"/> — prices &gt; 0, high ≥ max(open, close), low ≤ min(open, close),
/// volume ≥ 0: DROPPED.</item>
/// <item><see cref="HealthRule.Toxicity"/> — |close<sub>t</sub>/close<sub>t−1</sub> − 1| &gt; 5 (500%): DROPPED, one reason
/// per toxic bar with its timestamp.</item>
/// <item><see cref="HealthRule.SecularHistory"/> — calendar days from the first to the last bar (inclusive) below
/// 90: DROPPED; below 500: DEGRADED.</item>
/// <item><see cref="HealthRule.Freshness"/> — as-of time minus the last bar's known_at above 24 h (crypto) or
/// 168 h (equity): DEGRADED.</item>
/// <item><see cref="HealthRule.OffCalendar"/> — a bar on a date outside the expected sessions (a closed day): DEGRADED, or
/// DROPPED with <see cref="HealthOptions.StrictCalendar"/>.</item>
/// <item><see cref="HealthRule.Gaps"/> — the audit window is the expected sessions from the later of the first bar's
/// date and (as-of date − look-back) through the last bar's date; a run of consecutive missing sessions longer than
/// the tolerated run (1) is DEGRADED, one reason per run, stamped with its first missing session.</item>
/// <item><see cref="HealthRule.Density"/> — all missing sessions (tolerated ones included) over the window's
/// sessions above 10%: DROPPED. The expected sessions are the union index the portfolio matrix will use.</item>
/// </list>
/// <para>Nothing is repaired: the auditor only reports. In strict mode the first DROPPED reason throws
/// <see cref="HealthCheckException"/>.</para>
/// </remarks>
public sealed class HealthAuditor
{
    private readonly HealthOptions _options;

    /// <summary>Creates the auditor and validates <paramref name="options"/>.</summary>
    /// <param name="options">Thresholds; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of range.</exception>
    public HealthAuditor(HealthOptions? options = null)
    {
        _options = options ?? new HealthOptions();
        _options.Validate();
    }

    /// <summary>Audits every symbol, in input order.</summary>
    /// <param name="symbols">Bars per symbol.</param>
    /// <param name="assetClass">Asset class of the universe.</param>
    /// <param name="expectedSessions">Expected session dates (the union index), strictly increasing.</param>
    /// <param name="asOf">The audit's as-of time.</param>
    /// <returns>One result per symbol.</returns>
    /// <exception cref="HealthCheckException">Strict mode and a symbol is dropped.</exception>
    /// <exception cref="ArgumentException">The sessions are not strictly increasing.</exception>
    public IReadOnlyList<SymbolHealth> AuditMany(
        IReadOnlyList<BarSeries> symbols, AssetClass assetClass, ReadOnlySpan<DateOnly> expectedSessions, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var result = new SymbolHealth[symbols.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Audit(symbols[i], assetClass, expectedSessions, asOf);
        }

        return result;
    }

    /// <summary>Audits one symbol.</summary>
    /// <param name="bars">The symbol's bars.</param>
    /// <param name="assetClass">Selects the freshness threshold.</param>
    /// <param name="expectedSessions">Expected session dates (the union index), strictly increasing.</param>
    /// <param name="asOf">The audit's as-of time (an input: no clock is read).</param>
    /// <returns>The status and reasons.</returns>
    /// <exception cref="HealthCheckException">Strict mode and the symbol is dropped.</exception>
    /// <exception cref="ArgumentException">The sessions are not strictly increasing.</exception>
    public SymbolHealth Audit(BarSeries bars, AssetClass assetClass, ReadOnlySpan<DateOnly> expectedSessions, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(bars);
        for (int i = 1; i < expectedSessions.Length; i++)
        {
            if (expectedSessions[i] <= expectedSessions[i - 1])
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Expected sessions must be strictly increasing: {expectedSessions[i - 1]:yyyy-MM-dd} then {expectedSessions[i]:yyyy-MM-dd} at index {i}."),
                    nameof(expectedSessions));
            }
        }

        var reasons = new ReasonCollector(_options.MaxReasonsPerRule);
        if (bars.Count == 0)
        {
            reasons.Add(HealthRule.SecularHistory, HealthStatus.Dropped, "no bars", null);
        }
        else
        {
            CheckTimestamps(bars, asOf, reasons);
            CheckValues(bars, reasons);
            CheckToxicity(bars, reasons);
            CheckHistory(bars, reasons);
            CheckFreshness(bars, assetClass, asOf, reasons);
            CheckCalendar(bars, expectedSessions, asOf, reasons);
        }

        var health = new SymbolHealth(bars.Symbol.Value, reasons.Status, reasons.Build());
        if (_options.Strict && health.Status == HealthStatus.Dropped)
        {
            foreach (HealthReason reason in health.Reasons)
            {
                if (reason.Severity == HealthStatus.Dropped)
                {
                    throw new HealthCheckException(bars.Symbol.Value, reason);
                }
            }
        }

        return health;
    }

    private void CheckTimestamps(BarSeries bars, DateTimeOffset asOf, ReasonCollector reasons)
    {
        DateOnly[] dates = bars.Dates;
        for (int i = 1; i < dates.Length; i++)
        {
            if (dates[i] <= dates[i - 1])
            {
                string kind = dates[i] == dates[i - 1] ? "duplicate" : "non-increasing";
                reasons.Add(HealthRule.Timestamps, HealthStatus.Dropped, Invariant($"{kind} timestamp at row {i} (previous {bars.OpenTime(i - 1):O})"), bars.OpenTime(i));
            }
        }

        DateTimeOffset lastKnown = _options.KnownAt.KnownAt(bars.OpenTime(dates.Length - 1));
        if (lastKnown > asOf)
        {
            reasons.Add(
                HealthRule.Timestamps, HealthStatus.Dropped, Invariant($"last bar known at {lastKnown:O}, after the as-of time {asOf:O} (look-ahead)"), bars.OpenTime(dates.Length - 1));
        }
    }

    private static void CheckValues(BarSeries bars, ReasonCollector reasons)
    {
        for (int i = 0; i < bars.Count; i++)
        {
            double o = bars.Open[i], h = bars.High[i], l = bars.Low[i], c = bars.Close[i], v = bars.Volume[i];
            DateTimeOffset ts = bars.OpenTime(i);
            if (!(double.IsFinite(o) && double.IsFinite(h) && double.IsFinite(l) && double.IsFinite(c) && double.IsFinite(v)))
            {
                reasons.Add(HealthRule.MissingValues, HealthStatus.Dropped, Invariant($"row {i}: non-finite value (O={o}, H={h}, L={l}, C={c}, V={v})"), ts);
                continue;
            }

            if (o <= 0 || h <= 0 || l <= 0 || c <= 0)
            {
                reasons.Add(HealthRule.OhlcSanity, HealthStatus.Dropped, Invariant($"row {i}: non-positive price (O={o}, H={h}, L={l}, C={c})"), ts);
            }
            else if (h < Math.Max(o, c) || l > Math.Min(o, c))
            {
                reasons.Add(HealthRule.OhlcSanity, HealthStatus.Dropped, Invariant($"row {i}: high/low outside open/close (O={o}, H={h}, L={l}, C={c})"), ts);
            }

            if (v < 0)
            {
                reasons.Add(HealthRule.OhlcSanity, HealthStatus.Dropped, Invariant($"row {i}: negative volume {v}"), ts);
            }
        }
    }

    private void CheckToxicity(BarSeries bars, ReasonCollector reasons)
    {
        double[] close = bars.Close;
        for (int i = 1; i < close.Length; i++)
        {
            if (!(close[i] > 0 && close[i - 1] > 0 && double.IsFinite(close[i]) && double.IsFinite(close[i - 1])))
            {
                continue;
            }

            double r = (close[i] / close[i - 1]) - 1.0;
            if (Math.Abs(r) > _options.ToxicReturn)
            {
                reasons.Add(
                    HealthRule.Toxicity,
                    HealthStatus.Dropped,
                    Invariant($"daily return {r:P0} ({close[i - 1]} -> {close[i]}) exceeds ±{_options.ToxicReturn:P0}"),
                    bars.OpenTime(i));
            }
        }
    }

    private void CheckHistory(BarSeries bars, ReasonCollector reasons)
    {
        int days = bars.Dates[^1].DayNumber - bars.Dates[0].DayNumber + 1;
        if (days < _options.MinHistoryDays)
        {
            reasons.Add(HealthRule.SecularHistory, HealthStatus.Dropped, Invariant($"{days} days of history, below the {_options.MinHistoryDays}-day floor"), bars.OpenTime(0));
        }
        else if (days < _options.LookbackDays)
        {
            reasons.Add(HealthRule.SecularHistory, HealthStatus.Degraded, Invariant($"{days} days of history, below the {_options.LookbackDays}-day look-back"), bars.OpenTime(0));
        }
    }

    private void CheckFreshness(BarSeries bars, AssetClass assetClass, DateTimeOffset asOf, ReasonCollector reasons)
    {
        TimeSpan limit = assetClass == AssetClass.Crypto ? _options.CryptoMaxStaleness : _options.EquityMaxStaleness;
        TimeSpan age = asOf - _options.KnownAt.KnownAt(bars.OpenTime(bars.Count - 1));
        if (age > limit)
        {
            reasons.Add(
                HealthRule.Freshness,
                HealthStatus.Degraded,
                Invariant($"last bar is {age.TotalHours:F1} h old at {asOf:O}, above the {assetClass} limit of {limit.TotalHours:F0} h"),
                bars.OpenTime(bars.Count - 1));
        }
    }

    private void CheckCalendar(BarSeries bars, ReadOnlySpan<DateOnly> sessions, DateTimeOffset asOf, ReasonCollector reasons)
    {
        DateOnly first = bars.Dates[0], last = bars.Dates[^1];
        DateOnly lookbackStart = DateOf(asOf).AddDays(-_options.LookbackDays);
        DateOnly windowStart = first > lookbackStart ? first : lookbackStart;

        // Bar dates are walked in order; unordered timestamps were already reported, so a backwards step is skipped here.
        int s = 0, expected = 0, missing = 0, run = 0;
        DateOnly runStart = default;
        for (int i = 0; i < bars.Count; i++)
        {
            DateOnly d = bars.Dates[i];
            while (s < sessions.Length && sessions[s] < d)
            {
                if (sessions[s] >= windowStart)
                {
                    expected++;
                    missing++;
                    runStart = run == 0 ? sessions[s] : runStart;
                    run++;
                }

                s++;
            }

            if (s < sessions.Length && sessions[s] == d)
            {
                if (d >= windowStart)
                {
                    expected++;
                    CloseRun(ref run, runStart, reasons);
                }

                s++;
            }
            else if (i == 0 || d > bars.Dates[i - 1])
            {
                reasons.Add(
                    HealthRule.OffCalendar,
                    _options.StrictCalendar ? HealthStatus.Dropped : HealthStatus.Degraded,
                    Invariant($"bar on {d:yyyy-MM-dd}, which is not an expected session"),
                    bars.OpenTime(i));
            }
        }

        CloseRun(ref run, runStart, reasons);
        if (expected > 0 && missing > _options.MaxGapFraction * expected)
        {
            reasons.Add(
                HealthRule.Density,
                HealthStatus.Dropped,
                Invariant($"{missing} of {expected} expected sessions missing ({(double)missing / expected:P1}) between {windowStart:yyyy-MM-dd} and {last:yyyy-MM-dd}, above {_options.MaxGapFraction:P0}"),
                null);
        }
    }

    private void CloseRun(ref int run, DateOnly runStart, ReasonCollector reasons)
    {
        if (run > _options.ToleratedGapSessions)
        {
            reasons.Add(
                HealthRule.Gaps,
                HealthStatus.Degraded,
                Invariant($"{run} consecutive sessions missing from {runStart:yyyy-MM-dd}"),
                new DateTimeOffset(runStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }

        run = 0;
    }

    private static DateOnly DateOf(DateTimeOffset ts) => DateOnly.FromDateTime(ts.UtcDateTime);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
