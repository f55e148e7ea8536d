namespace QuantFunctions.Lake.Tests.Parquet.Fuzzing;

/// <summary>A parsed file and the page to edit in it.</summary>
internal sealed record ParquetModelPage(ParquetFileModel Model, ParquetPage Page);
