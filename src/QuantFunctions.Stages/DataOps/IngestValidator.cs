using System.Globalization;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.DataOps.Providers;

namespace QuantFunctions.Stages.DataOps;

/// <summary>
/// Validates fetched bars before they reach bronze, with the OHLC rules of
/// <see cref="BarSeries.FindOhlcViolation"/> plus ordering: every value finite (NaN is an error, never
/// padded), prices &gt; 0, volume &gt; 0, high ≥ max(open, close), low ≤ min(open, close) (so high ≥ low), and
/// dates strictly increasing (a duplicate or an earlier date is rejected).
/// </summary>
/// <remarks>
/// Strict mode throws <see cref="IngestException"/> at the first bad row, naming symbol, origin (file:line,
/// request#row) and rule. Lenient mode drops the row and records a <see cref="RowIssue"/>; the kept rows
/// form the series.
/// </remarks>
public static class IngestValidator
{
    /// <summary>Validates <paramref name="bars"/> as delivered; returns the kept rows as a series (possibly empty).</summary>
    /// <param name="bars">The bars as the provider delivered them.</param>
    /// <param name="origins">Where each row came from, named in issues and errors.</param>
    /// <param name="strict">Throw at the first bad row rather than drop it.</param>
    /// <param name="issues">Receives the dropped rows (lenient mode).</param>
    /// <exception cref="IngestException">A bad row in strict mode.</exception>
    public static BarSeries Validate(BarSeries bars, RowOrigins origins, bool strict, List<RowIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(issues);
        int n = bars.Count;
        bool[] keep = new bool[n];
        int kept = 0;
        DateOnly previous = DateOnly.MinValue;
        bool any = false;
        for (int i = 0; i < n; i++)
        {
            string? reason = Rule(bars, i);
            if (reason is null && any && bars.Dates[i] <= previous)
            {
                reason = bars.Dates[i] == previous
                    ? string.Create(CultureInfo.InvariantCulture, $"duplicate timestamp {bars.Dates[i]:yyyy-MM-dd}")
                    : string.Create(CultureInfo.InvariantCulture, $"non-monotonic timestamp {bars.Dates[i]:yyyy-MM-dd} after {previous:yyyy-MM-dd}");
            }

            if (reason is null)
            {
                keep[i] = true;
                kept++;
                previous = bars.Dates[i];
                any = true;
                continue;
            }

            if (strict)
            {
                throw new IngestException(ErrorCodes.IngestInvalidBars, $"{origins[i]}: {bars.Symbol}: {reason} (strict mode; use lenient mode to drop and record such rows)");
            }

            issues.Add(new RowIssue(bars.Symbol.Value, origins[i], reason));
        }

        var d = new DateOnly[kept];
        double[] o = new double[kept], h = new double[kept], l = new double[kept], c = new double[kept], v = new double[kept];
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            if (keep[i])
            {
                (d[k], o[k], h[k], l[k], c[k], v[k]) = (bars.Dates[i], bars.Open[i], bars.High[i], bars.Low[i], bars.Close[i], bars.Volume[i]);
                k++;
            }
        }

        return new BarSeries(bars.Symbol, d, o, h, l, c, v);
    }

    private static string? Rule(BarSeries b, int i)
    {
        double o = b.Open[i], h = b.High[i], l = b.Low[i], c = b.Close[i], v = b.Volume[i];
        if (!(double.IsFinite(o) && double.IsFinite(h) && double.IsFinite(l) && double.IsFinite(c) && double.IsFinite(v)))
        {
            return "NaN or infinite value";
        }

        if (o <= 0 || h <= 0 || l <= 0 || c <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"non-positive price (open {o}, high {h}, low {l}, close {c})");
        }

        if (v <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"non-positive volume {v}");
        }

        if (h < l)
        {
            return string.Create(CultureInfo.InvariantCulture, $"high {h} < low {l}");
        }

        if (h < Math.Max(o, c))
        {
            return string.Create(CultureInfo.InvariantCulture, $"high {h} < max(open {o}, close {c})");
        }

        return l > Math.Min(o, c) ? string.Create(CultureInfo.InvariantCulture, $"low {l} > min(open {o}, close {c})") : null;
    }
}
