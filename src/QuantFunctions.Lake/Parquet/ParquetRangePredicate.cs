namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// An inclusive range on one column, used to skip row groups by their min/max statistics. The range is
/// conservative: a row group is decoded unless its statistics prove that no value can lie in the range;
/// rows inside a decoded row group are not filtered.
/// </summary>
public sealed record ParquetRangePredicate
{
    private ParquetRangePredicate(string column) => Column = column;

    /// <summary>The column the range applies to.</summary>
    public string Column { get; }

    internal long? LowerInt64 { get; private init; }

    internal long? UpperInt64 { get; private init; }

    internal double? LowerDouble { get; private init; }

    internal double? UpperDouble { get; private init; }

    internal string? LowerString { get; private init; }

    internal string? UpperString { get; private init; }

    internal DateTimeOffset? LowerTime { get; private init; }

    internal DateTimeOffset? UpperTime { get; private init; }

    /// <summary>An integer range for INT32/INT64 columns (ints, dates as days, timestamps in the column's unit); null bounds are open.</summary>
    public static ParquetRangePredicate Int64Range(string column, long? min, long? max) =>
        new(Check(column)) { LowerInt64 = min, UpperInt64 = max };

    /// <summary>A floating-point range for FLOAT/DOUBLE columns; null bounds are open.</summary>
    public static ParquetRangePredicate DoubleRange(string column, double? min, double? max) =>
        new(Check(column)) { LowerDouble = min, UpperDouble = max };

    /// <summary>A string range (ordinal UTF-8 order); null bounds are open.</summary>
    public static ParquetRangePredicate StringRange(string column, string? min, string? max) =>
        new(Check(column)) { LowerString = min, UpperString = max };

    /// <summary>A point-in-time window on a TIMESTAMP column (converted to the column's unit when evaluated).</summary>
    public static ParquetRangePredicate TimestampRange(string column, DateTimeOffset? from, DateTimeOffset? to) =>
        new(Check(column)) { LowerTime = from, UpperTime = to };

    private static string Check(string column)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        return column;
    }
}
