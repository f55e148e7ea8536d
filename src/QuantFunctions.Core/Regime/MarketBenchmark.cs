using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Regime;

/// <summary>
/// The market series of a universe: its equal-weight return, each day the mean of the returns observed that day
/// (assets without a return that day are left out, never zero-filled). Days on which no asset has a return are dropped
/// and counted.
/// </summary>
public static class MarketBenchmark
{
    /// <summary>The equal-weight series of a dated panel.</summary>
    /// <param name="panel">Dated returns, NaN = no observation.</param>
    /// <returns>The days with at least one return, their equal-weight return and the number of days dropped.</returns>
    /// <exception cref="DomainValidationException">The panel is undated.</exception>
    public static (DateOnly[] Dates, double[] Returns, int DaysDropped) EqualWeight(ReturnPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (!panel.HasDates)
        {
            throw new DomainValidationException(ErrorCodes.InvalidInput, "Market benchmark: the panel has no dates.");
        }

        (int[] rows, double[] returns, int dropped) = EqualWeightRows(panel);
        var dates = new DateOnly[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            dates[i] = panel.Dates[rows[i]];
        }

        return (dates, returns, dropped);
    }

    /// <summary>The equal-weight series of any panel, as the indices of the rows kept.</summary>
    /// <param name="panel">Returns, NaN = no observation.</param>
    /// <returns>The rows with at least one return, their equal-weight return and the number of rows dropped.</returns>
    public static (int[] Rows, double[] Returns, int RowsDropped) EqualWeightRows(ReturnPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        int rows = panel.RowCount;
        double[] mean = panel.ObservedRowMeans(out int[] count);
        int kept = 0;
        for (int r = 0; r < rows; r++)
        {
            kept += count[r] > 0 ? 1 : 0;
        }

        int[] index = new int[kept];
        double[] values = new double[kept];
        int at = 0;
        for (int r = 0; r < rows; r++)
        {
            if (count[r] > 0)
            {
                (index[at], values[at]) = (r, mean[r]);
                at++;
            }
        }

        return (index, values, rows - kept);
    }
}
