namespace QuantFunctions.Lake.Tests.Parquet.Fuzzing;

/// <summary>A fuzz seed file and its rows in canonical form (what an unmutated read must return).</summary>
internal sealed record FuzzSeed(string Name, byte[] File, IReadOnlyList<string> ExpectedRows);
