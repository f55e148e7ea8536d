namespace QuantFunctions.DataOps.Providers;

/// <summary>What was read from OHLCV files: one fetch per symbol (ordinal by symbol) and the rows dropped in lenient mode.</summary>
/// <param name="Fetches">Per symbol: the parsed rows and the source-native payload.</param>
/// <param name="Issues">Malformed rows dropped (lenient mode), in file then line order.</param>
/// <param name="Files">The files read, ordinal.</param>
public sealed record OhlcvFileSet(IReadOnlyList<ProviderFetch> Fetches, IReadOnlyList<RowIssue> Issues, IReadOnlyList<string> Files);
