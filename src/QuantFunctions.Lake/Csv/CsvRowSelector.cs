namespace QuantFunctions.Lake.Csv;

/// <summary>Turns one CSV data row into a value (see <see cref="CsvReader.SelectRows{T}"/>).</summary>
/// <typeparam name="T">The value.</typeparam>
/// <param name="row">The row, valid only during the call.</param>
internal delegate T CsvRowSelector<out T>(CsvRow row);
