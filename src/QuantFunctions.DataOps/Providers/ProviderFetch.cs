using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.DataOps.Providers;

/// <summary>The result of fetching one symbol: the parsed bars and the source-native payload kept under <c>raw/</c> for replay.</summary>
/// <param name="Bars">
/// The parsed bars exactly as the provider returned them, before validation (<see cref="BarSeries.AsDelivered"/>): dates may be
/// duplicated or out of order and prices may be NaN, negative or inconsistent.
/// </param>
/// <param name="Origins">Per row of <paramref name="Bars"/>, where it came from (<c>file:line</c>, <c>GET …#row</c>), for error messages.</param>
/// <param name="Payload">The bytes as received (concatenated pages for paginated APIs).</param>
/// <param name="Format">The payload's format.</param>
/// <param name="Attempts">The HTTP attempts made (empty for local providers).</param>
public sealed record ProviderFetch(BarSeries Bars, RowOrigins Origins, ReadOnlyMemory<byte> Payload, RawFormat Format, IReadOnlyList<ProviderAttempt> Attempts);
