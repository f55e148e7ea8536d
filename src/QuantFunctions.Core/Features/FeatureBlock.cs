namespace QuantFunctions.Core.Features;

/// <summary>One symbol's features: a dense column-major block (rows × <see cref="FeatureColumns.All"/>).</summary>
/// <remarks>Column j occupies <c>Values[(j · RowCount)..((j + 1) · RowCount)]</c>. NaN marks warm-up rows.</remarks>
public sealed class FeatureBlock
{
    /// <summary>Creates a block; <paramref name="values"/> is taken over, not copied.</summary>
    /// <param name="symbol">Canonical symbol.</param>
    /// <param name="timestamps">Bar timestamps (rows).</param>
    /// <param name="knownAt">known_at per row.</param>
    /// <param name="values">Column-major values, length rows × columns.</param>
    /// <exception cref="ArgumentException">A length does not match.</exception>
    public FeatureBlock(string symbol, DateTimeOffset[] timestamps, DateTimeOffset[] knownAt, double[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(timestamps);
        ArgumentNullException.ThrowIfNull(knownAt);
        ArgumentNullException.ThrowIfNull(values);
        if (knownAt.Length != timestamps.Length || values.Length != timestamps.Length * FeatureColumns.All.Count)
        {
            throw new ArgumentException(
                $"Symbol {symbol}: expected {timestamps.Length} known_at values and {timestamps.Length * FeatureColumns.All.Count} feature values, "
                + $"got {knownAt.Length} and {values.Length}.",
                nameof(values));
        }

        Symbol = symbol;
        Timestamps = timestamps;
        KnownAt = knownAt;
        Values = values;
    }

    /// <summary>Canonical symbol.</summary>
    public string Symbol { get; }

    /// <summary>Row timestamps (<c>ts</c>).</summary>
    public DateTimeOffset[] Timestamps { get; }

    /// <summary>Row known_at times.</summary>
    public DateTimeOffset[] KnownAt { get; }

    /// <summary>Column-major values.</summary>
    public double[] Values { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Timestamps.Length;

    /// <summary>Column names, in order.</summary>
    public static IReadOnlyList<string> ColumnNames => FeatureColumns.All;

    /// <summary>The values of column <paramref name="index"/>.</summary>
    /// <param name="index">Zero-based column index.</param>
    /// <returns>A span over the column.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is out of range.</exception>
    public ReadOnlySpan<double> Column(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, FeatureColumns.All.Count);
        return Values.AsSpan(index * RowCount, RowCount);
    }

    /// <summary>The values of the column named <paramref name="name"/>.</summary>
    /// <param name="name">A name from <see cref="FeatureColumns"/>.</param>
    /// <returns>A span over the column.</returns>
    /// <exception cref="KeyNotFoundException">Unknown column.</exception>
    public ReadOnlySpan<double> Column(string name) => Column(FeatureColumns.IndexOf(name));

    /// <summary>Number of leading rows a reader at <paramref name="asOf"/> may see (known_at ≤ as-of).</summary>
    /// <param name="asOf">The reader's as-of time.</param>
    /// <returns>The visible row count.</returns>
    public int VisibleRowCount(DateTimeOffset asOf) => KnownAtPolicy.VisibleRowCount(KnownAt, asOf);
}
