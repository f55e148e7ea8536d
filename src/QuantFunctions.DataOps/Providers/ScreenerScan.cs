using QuantFunctions.Core.Discovery;

namespace QuantFunctions.DataOps.Providers;

/// <summary>The result of a screener discovery scan.</summary>
/// <param name="Url">The scan endpoint (<c>{base}/{market}/scan</c>).</param>
/// <param name="Records">The raw records, in the order received (normalise them with <see cref="CandidateNormalizer"/>).</param>
/// <param name="Attempts">Every HTTP attempt of every page, in order.</param>
/// <param name="Payload">The response bodies as received, as a JSON array of pages (<c>[page1,page2,…]</c>), kept under <c>raw/</c> for replay.</param>
public sealed record ScreenerScan(Uri Url, IReadOnlyList<CandidateRecord> Records, IReadOnlyList<ProviderAttempt> Attempts, ReadOnlyMemory<byte> Payload);
