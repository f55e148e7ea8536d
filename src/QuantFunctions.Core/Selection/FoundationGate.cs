using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Selection;

/// <summary>
/// The Alpha Foundation Gate (seed 000 §11.5.7, §3 item 7, §11.1 L0): a numerical check of the returns matrix before
/// anything is scored. An asset is dropped, with its reason, when it has no return in the window (<c>gate.no_data</c>), an
/// infinite return (<c>gate.non_finite</c>), a return with |r| &gt; the toxic bound (<c>gate.toxic</c>, 500 %), or misses
/// more than <see cref="SelectionOptions.MaxGapFraction"/> of the union calendar's rows (<c>gate.gaps</c>). The matrix the
/// clustering reads keeps only the union rows where every survivor has a return, so it has no NaN; the rows left out
/// are counted. |r| &gt; 1 (the L0 warning level) is counted, not dropped.
/// </summary>
public static class FoundationGate
{
    /// <summary>Checks the window.</summary>
    /// <param name="window">Returns, dates × assets (NaN = no observation).</param>
    /// <param name="options">The bounds.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="SelectionException"><see cref="ErrorCodes.FoundationUnstable"/>: no asset passed, or fewer than 2 dense rows remain.</exception>
    public static FoundationGateResult Check(ReturnPanel window, SelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        int rows = window.RowCount, cols = window.ColumnCount;
        bool[] union = new bool[rows];
        int[] observed = new int[cols];
        string?[] reasons = new string?[cols];
        for (int j = 0; j < cols; j++)
        {
            ReadOnlySpan<double> col = window.Column(j);
            for (int t = 0; t < rows; t++)
            {
                double r = col[t];
                if (double.IsNaN(r))
                {
                    continue;
                }

                union[t] = true;
                observed[j]++;
                if (double.IsInfinity(r))
                {
                    reasons[j] ??= VetoReasons.NonFinite;
                }
                else if (Math.Abs(r) > options.ToxicReturn)
                {
                    reasons[j] ??= VetoReasons.Toxic;
                }
            }
        }

        int unionRows = 0;
        foreach (bool u in union)
        {
            unionRows += u ? 1 : 0;
        }

        int large = 0;
        for (int j = 0; j < cols; j++)
        {
            if (observed[j] == 0)
            {
                reasons[j] = VetoReasons.NoData;
            }
            else if (reasons[j] is null && unionRows - observed[j] > options.MaxGapFraction * unionRows)
            {
                reasons[j] = VetoReasons.Gaps;
            }

            if (reasons[j] is null)
            {
                foreach (double r in window.Column(j))
                {
                    large += Math.Abs(r) > 1.0 ? 1 : 0;
                }
            }
        }

        int dense = 0;
        for (int t = 0; t < rows; t++)
        {
            bool complete = union[t];
            for (int j = 0; j < cols && complete; j++)
            {
                complete = reasons[j] is not null || !double.IsNaN(window[t, j]);
            }

            dense += complete ? 1 : 0;
        }

        var result = new FoundationGateResult(reasons, observed, unionRows, dense, large);
        if (result.Passed == 0 || dense < 2)
        {
            throw new SelectionException(
                ErrorCodes.FoundationUnstable,
                $"Foundation Gate: {result.Passed} of {cols} assets passed and {dense} of {unionRows} union rows are dense (need ≥ 1 asset and ≥ 2 rows); drops: {Summarise(reasons)}.");
        }

        return result;
    }

    private static string Summarise(string?[] reasons)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (string? r in reasons)
        {
            if (r is not null)
            {
                counts[r] = counts.GetValueOrDefault(r) + 1;
            }
        }

        return counts.Count == 0 ? "none" : string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}"));
    }
}
