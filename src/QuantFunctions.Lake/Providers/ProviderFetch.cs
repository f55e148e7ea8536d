using QuantFunctions.Lake.Paths;

namespace QuantFunctions.Lake.Providers;

/// <summary>The result of fetching one symbol: the parsed bars and the source-native payload kept under <c>raw/</c> for replay.</summary>
/// <param name="Bars">The parsed, unvalidated bars.</param>
/// <param name="Payload">The bytes as received (concatenated pages for paginated APIs).</param>
/// <param name="Format">The payload's format.</param>
/// <param name="Attempts">The HTTP attempts made (empty for local providers).</param>
public sealed record ProviderFetch(RawBars Bars, ReadOnlyMemory<byte> Payload, RawFormat Format, IReadOnlyList<ProviderAttempt> Attempts);
