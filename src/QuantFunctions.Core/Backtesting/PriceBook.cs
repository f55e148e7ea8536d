using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>
/// Open and close prices aligned with a return panel (same rows and columns, column-major), for the T3 simulator.
/// An open of NaN means the column has no bar that row (it cannot trade); a close of NaN means no price is known yet.
/// </summary>
public sealed class PriceBook
{
    private readonly double[] _open;
    private readonly double[] _close;

    /// <summary>Creates a price book; the arrays are taken as is.</summary>
    /// <param name="rowCount">Rows, as the panel's.</param>
    /// <param name="columnCount">Columns, as the panel's.</param>
    /// <param name="open">Column-major open prices (NaN = no bar).</param>
    /// <param name="close">Column-major close prices (NaN = none known yet).</param>
    /// <exception cref="DomainValidationException">A length that is not rows × columns.</exception>
    public PriceBook(int rowCount, int columnCount, double[] open, double[] close)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(close);
        Guard.SameLength(rowCount * columnCount, open.Length, "price book", "open (rows × columns)");
        Guard.SameLength(rowCount * columnCount, close.Length, "price book", "close (rows × columns)");
        RowCount = rowCount;
        ColumnCount = columnCount;
        _open = open;
        _close = close;
    }

    /// <summary>Rows.</summary>
    public int RowCount { get; }

    /// <summary>Columns.</summary>
    public int ColumnCount { get; }

    /// <summary>The open of a row and column (NaN = no bar).</summary>
    /// <param name="row">The row.</param>
    /// <param name="column">The column.</param>
    /// <returns>The price.</returns>
    public double Open(int row, int column) => _open[(column * RowCount) + row];

    /// <summary>The close of a row and column (NaN = none known yet).</summary>
    /// <param name="row">The row.</param>
    /// <param name="column">The column.</param>
    /// <returns>The price.</returns>
    public double Close(int row, int column) => _close[(column * RowCount) + row];

    /// <summary>
    /// Prices implied by a return panel, as a backtest over silver returns has them: the close compounds the returns
    /// from <paramref name="start"/> (<c>Pₜ = Pₜ₋₁(1 + rₜ)</c>, unchanged on a NaN return) and the open is the previous
    /// close (no overnight gap), NaN on a row whose return is NaN (no bar that day).
    /// </summary>
    /// <param name="panel">The returns.</param>
    /// <param name="start">The close before the first row; 100 by default.</param>
    /// <returns>The price book.</returns>
    public static PriceBook FromReturns(ReturnPanel panel, double start = 100)
    {
        ArgumentNullException.ThrowIfNull(panel);
        int rows = panel.RowCount, cols = panel.ColumnCount;
        double[] open = new double[rows * cols], close = new double[rows * cols];
        ReadOnlySpan<double> values = panel.Values;
        for (int j = 0; j < cols; j++)
        {
            double previous = start;
            for (int t = 0; t < rows; t++)
            {
                int at = (j * rows) + t;
                double r = values[at];
                bool traded = double.IsFinite(r);
                open[at] = traded ? previous : double.NaN;
                previous = traded ? previous * (1 + r) : previous;
                close[at] = previous;
            }
        }

        return new PriceBook(rows, cols, open, close);
    }

    /// <summary>
    /// Prices from bars, aligned with a panel: each column takes the bars whose symbol is the column name; a row
    /// without a bar has a NaN open and the last close carried forward.
    /// </summary>
    /// <param name="panel">The returns panel (its dates and columns).</param>
    /// <param name="bars">Bars, one series per symbol.</param>
    /// <returns>The price book.</returns>
    /// <exception cref="DomainValidationException"><see cref="ErrorCodes.MissingPrices"/>: a column without bars.</exception>
    public static PriceBook FromBars(ReturnPanel panel, IReadOnlyList<BarSeries> bars)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(bars);
        int rows = panel.RowCount, cols = panel.ColumnCount;
        var bySymbol = new Dictionary<string, BarSeries>(StringComparer.Ordinal);
        foreach (BarSeries s in bars)
        {
            bySymbol[s.Symbol.Value] = s;
        }

        double[] open = new double[rows * cols], close = new double[rows * cols];
        DateOnly[] dates = panel.Dates;
        for (int j = 0; j < cols; j++)
        {
            BarSeries s = bySymbol.GetValueOrDefault(panel.Columns[j])
                ?? throw new DomainValidationException(ErrorCodes.MissingPrices, $"Price book: no bars for column '{panel.Columns[j]}'.");
            double last = double.NaN;
            int b = 0;
            for (int t = 0; t < rows; t++)
            {
                while (b < s.Count && s.Dates[b] < dates[t])
                {
                    last = s.Close[b++];
                }

                bool has = b < s.Count && s.Dates[b] == dates[t];
                open[(j * rows) + t] = has ? s.Open[b] : double.NaN;
                last = has ? s.Close[b] : last;
                close[(j * rows) + t] = last;
            }
        }

        return new PriceBook(rows, cols, open, close);
    }
}
