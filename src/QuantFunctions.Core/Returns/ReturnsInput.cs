using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Returns;

/// <summary>
/// The rules returns must meet as input of the estimators and allocation engines, checked on entry with
/// <see cref="AllocationException"/>: named columns (non-blank, unique), at least one period, and no ±∞ (NaN marks a
/// missing observation). The value scan is the panel's own, done once per panel.
/// </summary>
internal static class ReturnsInput
{
    /// <summary>Throws unless <paramref name="returns"/> is valid estimator input.</summary>
    /// <exception cref="AllocationException">Empty or duplicate names, no periods, or a ±∞ (naming asset and row).</exception>
    public static void Validate(ReturnPanel returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        AssetNames.Validate(returns.Columns);
        if (returns.RowCount < 1)
        {
            throw new AllocationException(ErrorCodes.InsufficientData, $"returns have {returns.RowCount} periods; at least 1 is required");
        }

        if (!returns.HasInfinity)
        {
            return;
        }

        for (int j = 0; j < returns.ColumnCount; j++)
        {
            ReadOnlySpan<double> column = returns.Column(j);
            for (int t = 0; t < column.Length; t++)
            {
                if (double.IsInfinity(column[t]))
                {
                    throw new AllocationException(
                        ErrorCodes.NonFiniteValue,
                        $"return of asset '{returns.Columns[j]}' at row {t} is {column[t]}; returns must be finite",
                        returns.Columns[j]);
                }
            }
        }
    }
}
