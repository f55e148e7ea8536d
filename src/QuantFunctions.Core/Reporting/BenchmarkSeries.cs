namespace QuantFunctions.Core.Reporting;

/// <summary>The benchmark of a tear sheet: its name and one simple return per tear-sheet date.</summary>
/// <param name="Name">What the benchmark is (e.g. "equal-weight crypto_spot", a symbol).</param>
/// <param name="Returns">Periodic simple returns aligned with the tear sheet's dates (finite, &gt; −1).</param>
/// <param name="MissingDates">Tear-sheet dates where the benchmark had no observation and a 0 return was used (counted, never silent).</param>
public sealed record BenchmarkSeries(string Name, double[] Returns, int MissingDates = 0);
