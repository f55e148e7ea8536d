using QuantFunctions.Core.Returns;

namespace QuantFunctions.Lake.Datasets;

/// <summary>
/// Per-asset series read from a file by <see cref="ReturnsFileReader"/>: columns = assets, rows = periods,
/// NaN = a missing (empty) cell. The values are returns or prices; the caller says which.
/// </summary>
public sealed class ReturnsFile
{
    private readonly double[] _values;

    /// <summary>Wraps what a reader parsed; <paramref name="values"/> holds at least periods × assets values, column-major, and only those are used (a reader may hand over a larger buffer).</summary>
    internal ReturnsFile(string source, string[] assets, int periods, double[] values, string? indexColumn, string[]? index)
    {
        Source = source;
        Assets = assets;
        Periods = periods;
        _values = values;
        IndexColumn = indexColumn;
        Index = index;
    }

    /// <summary>The file the series came from (for messages).</summary>
    public string Source { get; }

    /// <summary>Asset names, in file column order.</summary>
    public IReadOnlyList<string> Assets { get; }

    /// <summary>Number of rows (periods).</summary>
    public int Periods { get; }

    /// <summary>The values, column-major <see cref="Periods"/> × N; NaN marks a missing cell.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, Periods * Assets.Count);

    /// <summary>The name of the index (date/timestamp) column, or null when the file has none.</summary>
    public string? IndexColumn { get; }

    /// <summary>The index labels (as written in the file; ISO dates for Parquet), or null without an index.</summary>
    public IReadOnlyList<string>? Index { get; }

    /// <summary>The values as returns (NaN = missing).</summary>
    /// <exception cref="Core.Allocation.AllocationException">See <see cref="ReturnsMatrix.CreateWithMissing"/>.</exception>
    public ReturnsMatrix ToReturns() => ReturnsMatrix.CreateWithMissing(Assets, Periods, Values);

    /// <summary>The values as prices, converted to simple returns by <see cref="PriceReturns.FromPrices"/>.</summary>
    /// <exception cref="Core.Allocation.AllocationException">Non-positive prices or fewer than two rows.</exception>
    public ReturnsMatrix ToReturnsFromPrices() => PriceReturns.FromPrices(Assets, Periods, Values);
}
