using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Returns;

/// <summary>
/// The returns calculator: per-column returns from prices — a price panel, or the closes of bars — by the convention
/// <see cref="ReturnOptions.Convention"/> names.
/// </summary>
/// <remarks>
/// <para><see cref="ReturnConvention.Pandas"/> is pandas <c>pct_change(fill_method=None).dropna(how="all")</c> (the
/// PyPortfolioOpt reference cases): the return at row t spans rows t − 1 and t and is NaN when either price is missing.
/// <see cref="ReturnConvention.CalendarAware"/> spans consecutive observed prices of a column only when they are
/// consecutive sessions of its calendar or separated by a tolerated hole (see <see cref="MarketDayNormalization"/>).</para>
/// <para>Both: the return is booked on the later row, and rows on which no column has a return — always the first —
/// are dropped; NaN marks a missing return. No price is carried forward and no return is set to zero to fill a hole.
/// Simple: <c>r = P_t / P_prev − 1</c>; log: <c>r = ln(P_t / P_prev)</c>.</para>
/// </remarks>
public static class ReturnCalculator
{
    /// <summary>Returns from a panel of prices (NaN = a missing price), as input of the allocation estimators.</summary>
    /// <param name="prices">The prices; dated for <see cref="ReturnConvention.CalendarAware"/>, whose columns are then canonical symbols.</param>
    /// <param name="options">The convention (<see cref="ReturnOptions.Pandas"/> when null).</param>
    /// <returns>The returns, with the dates (or row labels) of the rows they are booked on.</returns>
    /// <exception cref="AllocationException">Fewer than two rows, or a price that is ±∞ or not positive (naming asset and row).</exception>
    /// <exception cref="ArgumentException">Calendar-aware returns of an undated panel or without <see cref="ReturnOptions.CalendarOf"/>.</exception>
    /// <exception cref="DomainValidationException">Calendar-aware: a column that is not a symbol, or a price dated off its calendar.</exception>
    public static ReturnPanel FromPrices(ReturnPanel prices, ReturnOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(prices);
        options ??= ReturnOptions.Pandas;
        if (prices.RowCount < 2)
        {
            throw new AllocationException(ErrorCodes.InsufficientData, $"{prices.RowCount} price rows give no returns; at least 2 are required");
        }

        for (int j = 0; j < prices.ColumnCount; j++)
        {
            ReadOnlySpan<double> column = prices.Column(j);
            for (int t = 0; t < column.Length; t++)
            {
                double p = column[t];
                if (!double.IsNaN(p) && !(p > 0 && double.IsFinite(p)))
                {
                    throw new AllocationException(
                        ErrorCodes.NonFiniteValue, $"price of asset '{prices.Columns[j]}' at row {t} is {p}; prices must be positive and finite", prices.Columns[j]);
                }
            }
        }

        TradingCalendar[]? calendars = null;
        if (options.Convention == ReturnConvention.CalendarAware)
        {
            if (!prices.HasDates)
            {
                throw new ArgumentException("Calendar-aware returns need dated prices; this panel is undated.", nameof(prices));
            }

            calendars = new TradingCalendar[prices.ColumnCount];
            DateOnly[] observed = new DateOnly[prices.RowCount];
            for (int j = 0; j < calendars.Length; j++)
            {
                calendars[j] = CalendarOf(options, Symbol.Parse(prices.Columns[j]));
                ReadOnlySpan<double> column = prices.Column(j);
                int k = 0;
                for (int t = 0; t < column.Length; t++)
                {
                    if (!double.IsNaN(column[t]))
                    {
                        observed[k++] = prices.Dates[t];
                    }
                }

                calendars[j].EnsureSessions(observed.AsSpan(0, k), $"prices of {prices.Columns[j]}");
            }
        }

        return Compute(prices, options, calendars);
    }

    /// <summary>Close-to-close returns of bars, aligned on the union of the dates they are booked on (NaN = no return).</summary>
    /// <param name="bars">The bars, one series per symbol (dates strictly increasing).</param>
    /// <param name="options">The convention; typically <see cref="ReturnOptions.CalendarAware"/>.</param>
    /// <returns>The panel, columns in input order, named by the symbols.</returns>
    /// <exception cref="DomainValidationException">A close that is not finite and positive (naming the symbol's row), a date off the symbol's
    /// calendar (calendar-aware), dates not strictly increasing, or a symbol twice.</exception>
    /// <exception cref="ArgumentException">Calendar-aware without <see cref="ReturnOptions.CalendarOf"/>.</exception>
    public static ReturnPanel FromBars(IReadOnlyList<BarSeries> bars, ReturnOptions options)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(options);
        bool calendarAware = options.Convention == ReturnConvention.CalendarAware;
        TradingCalendar[]? calendars = calendarAware ? new TradingCalendar[bars.Count] : null;
        var closes = new DatedSeries[bars.Count];
        for (int j = 0; j < bars.Count; j++)
        {
            BarSeries b = bars[j] ?? throw new ArgumentException($"Bar series {j} is null.", nameof(bars));
            string what = $"bars of {b.Symbol}";
            if (calendars is not null)
            {
                calendars[j] = CalendarOf(options, b.Symbol);
                calendars[j].EnsureSessions(b.Dates, what);
            }

            ReadOnlySpan<double> close = b.Close;
            for (int i = 0; i < close.Length; i++)
            {
                if (!(double.IsFinite(close[i]) && close[i] > 0))
                {
                    throw new DomainValidationException(
                        ErrorCodes.NonFiniteValue, $"{what}: close at row {i} ({b.Dates[i]:yyyy-MM-dd}) is {close[i]}; closes must be finite and positive.");
                }
            }

            closes[j] = new DatedSeries(b.Symbol.Value, b.Dates, b.Close);
        }

        return Compute(ReturnPanel.FromSeriesOuter(closes), options, calendars);
    }

    /// <summary>The returns of valid prices (NaN = missing); <paramref name="calendars"/> per column for calendar-aware, else null.</summary>
    private static ReturnPanel Compute(ReturnPanel prices, ReturnOptions options, TradingCalendar[]? calendars)
    {
        int rows = prices.RowCount, n = prices.ColumnCount;
        bool log = options.Kind == ReturnKind.Log;
        double[] values = GC.AllocateUninitializedArray<double>(rows * n);
        values.AsSpan().Fill(double.NaN);
        bool[] booked = new bool[rows];
        for (int j = 0; j < n; j++)
        {
            ReadOnlySpan<double> p = prices.Column(j);
            Span<double> r = values.AsSpan(j * rows, rows);
            if (calendars is null)
            {
                for (int t = 1; t < rows; t++)
                {
                    if (!double.IsNaN(p[t]) && !double.IsNaN(p[t - 1]))
                    {
                        r[t] = Return(p[t], p[t - 1], log);
                        booked[t] = true;
                    }
                }

                continue;
            }

            TradingCalendar calendar = calendars[j];
            DateOnly[] dates = prices.Dates;
            int previous = -1;
            for (int t = 0; t < rows; t++)
            {
                if (double.IsNaN(p[t]))
                {
                    continue;
                }

                if (previous >= 0 && calendar.CountSessionsBetween(dates[previous], dates[t]) <= options.ToleratedMissingSessions)
                {
                    r[t] = Return(p[t], p[previous], log);
                    booked[t] = true;
                }

                previous = t;
            }
        }

        // Keep the booked rows: each column moves down to a stride of the kept count, in place (a value only ever
        // moves to a lower index, never over one not yet moved).
        int kept = 0;
        foreach (bool b in booked)
        {
            kept += b ? 1 : 0;
        }

        for (int j = 0; j < n; j++)
        {
            for (int t = 0, k = 0; t < rows; t++)
            {
                if (booked[t])
                {
                    values[(j * kept) + k++] = values[(j * rows) + t];
                }
            }
        }

        return prices.Subset(booked, kept, values);
    }

    private static double Return(double current, double previous, bool log)
    {
        double ratio = current / previous;
        return log ? Math.Log(ratio) : ratio - 1.0;
    }

    private static TradingCalendar CalendarOf(ReturnOptions options, Symbol symbol) =>
        options.CalendarOf is { } calendarOf
            ? calendarOf(symbol)
            : throw new ArgumentException("Calendar-aware returns need ReturnOptions.CalendarOf.", nameof(options));
}
