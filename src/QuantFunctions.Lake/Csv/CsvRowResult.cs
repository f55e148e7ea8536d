using QuantFunctions.Lake.Datasets;

namespace QuantFunctions.Lake.Csv;

/// <summary>One row's outcome in <see cref="CsvReader.SelectRows{T}"/>: its value, or the error it raised.</summary>
/// <typeparam name="T">The value.</typeparam>
/// <param name="Value">The selected value (null when <paramref name="Error"/> is set).</param>
/// <param name="Error">The row's error: bad quoting, or what the selector threw.</param>
internal sealed record CsvRowResult<T>(T? Value, DatasetSchemaException? Error)
    where T : class;
