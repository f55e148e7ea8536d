using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Selection;

/// <summary>
/// Ranks panel columns by trailing momentum and picks the top N (LONG) and bottom N (SHORT).
/// </summary>
/// <remarks>
/// <para>For a decision at row <c>e</c> (exclusive: only rows before <c>e</c> are read), the window is rows
/// <c>[e − Skip − Lookback, e − Skip)</c> and the score is <c>Π(1 + rₜ) − 1</c> over the observed rows of
/// that window (NaN rows are skipped, never treated as zero returns). A column with fewer than
/// <c>⌈MinObservedFraction · Lookback⌉</c> observations is not ranked.</para>
/// <para>Ranking: score descending; ties broken by column name, ordinal ascending, so the result is
/// deterministic. LONG = the first <c>TopN</c> ranked; SHORT = the last <c>BottomN</c> ranked (lowest score
/// first), excluding any column already LONG — with fewer than <c>TopN + BottomN</c> eligible columns the
/// SHORT sleeve is smaller. SHORT is listed worst first (score ascending, ties by name ascending).</para>
/// </remarks>
public static class MomentumSelector
{
    /// <summary>Selects the sleeves at a decision row.</summary>
    /// <param name="panel">Simple returns (rows = dates, columns = symbols).</param>
    /// <param name="decisionRow">The row at which the decision is taken; rows ≥ it are not read.</param>
    /// <param name="options">The options.</param>
    /// <returns>The sleeves and the scores.</returns>
    /// <exception cref="DomainValidationException">Invalid options or too few rows before <paramref name="decisionRow"/>.</exception>
    public static SelectionResult Select(ReturnPanel panel, int decisionRow, MomentumOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int end = decisionRow - options.Skip, start = end - options.Lookback;
        if (start < 0 || decisionRow > panel.RowCount)
        {
            throw new DomainValidationException(
                ErrorCodes.InsufficientData,
                $"Momentum: decision row {decisionRow} needs {options.Lookback + options.Skip} earlier rows (panel has {panel.RowCount} rows).");
        }

        int minObs = (int)Math.Ceiling(options.MinObservedFraction * options.Lookback);
        var eligible = new List<MomentumScore>(panel.ColumnCount);
        var ineligible = new List<MomentumScore>();
        for (int j = 0; j < panel.ColumnCount; j++)
        {
            ReadOnlySpan<double> window = panel.Column(j).Slice(start, options.Lookback);
            double growth = 1.0;
            int obs = 0;
            foreach (double r in window)
            {
                if (!double.IsNaN(r))
                {
                    growth *= 1.0 + r;
                    obs++;
                }
            }

            if (obs >= minObs)
            {
                eligible.Add(new MomentumScore(panel.Columns[j], growth - 1.0, obs, 0, true));
            }
            else
            {
                ineligible.Add(new MomentumScore(panel.Columns[j], double.NaN, obs, 0, false));
            }
        }

        eligible.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Column, b.Column));
        ineligible.Sort(static (a, b) => string.CompareOrdinal(a.Column, b.Column));
        var scores = new List<MomentumScore>(panel.ColumnCount);
        for (int k = 0; k < eligible.Count; k++)
        {
            scores.Add(eligible[k] with { Rank = k + 1 });
        }

        scores.AddRange(ineligible);
        int longCount = Math.Min(options.TopN, eligible.Count);
        var longs = new List<string>(longCount);
        for (int k = 0; k < longCount; k++)
        {
            longs.Add(eligible[k].Column);
        }

        int shortCount = Math.Min(options.BottomN, eligible.Count - longCount);
        List<MomentumScore> bottom = eligible.GetRange(eligible.Count - shortCount, shortCount);
        bottom.Sort(static (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : string.CompareOrdinal(a.Column, b.Column));
        var shorts = new List<string>(shortCount);
        foreach (MomentumScore score in bottom)
        {
            shorts.Add(score.Column);
        }

        DateOnly asOf = decisionRow > 0 ? panel.Dates[decisionRow - 1] : DateOnly.MinValue;
        return new SelectionResult(asOf, longs, shorts, scores);
    }
}
