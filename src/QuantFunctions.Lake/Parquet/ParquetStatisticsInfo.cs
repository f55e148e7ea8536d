namespace QuantFunctions.Lake.Parquet;

/// <summary>Column chunk statistics with bounds rendered as text (like <see cref="ParquetRowRenderer"/> renders values).</summary>
/// <param name="Min">Lower bound (min_value, else the deprecated signed min).</param>
/// <param name="Max">Upper bound.</param>
/// <param name="NullCount">Nulls, when written.</param>
/// <param name="DistinctCount">Distinct values, when written.</param>
/// <param name="NanCount">NaN values (floating point), when written.</param>
/// <param name="IsMinExact">Whether the lower bound is an actual value, when written.</param>
/// <param name="IsMaxExact">Whether the upper bound is an actual value, when written.</param>
public sealed record ParquetStatisticsInfo(string? Min, string? Max, long? NullCount, long? DistinctCount, long? NanCount, bool? IsMinExact, bool? IsMaxExact);
