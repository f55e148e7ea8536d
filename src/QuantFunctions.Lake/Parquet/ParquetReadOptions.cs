namespace QuantFunctions.Lake.Parquet;

/// <summary>What <see cref="ParquetReader.ReadAsync"/> reads: a column projection and an optional range predicate.</summary>
public sealed record ParquetReadOptions
{
    /// <summary>Columns to decode, in this order (null: all columns).</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Row groups whose statistics cannot overlap this range are skipped without decoding (null: read all).</summary>
    public ParquetRangePredicate? Predicate { get; init; }
}
