using QuantFunctions.Core.Discovery;
using QuantFunctions.Core.Market;

namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// A source of market data: discovers candidate instruments and fetches daily bars for a symbol and
/// a date range. Implementations do I/O; they return data as delivered and leave validation to ingestion.
/// </summary>
public interface IMarketDataProvider
{
    /// <summary>The source name used in raw paths (lower case, <c>[a-z0-9_]</c>).</summary>
    string Name { get; }

    /// <summary>Lists the instruments the source offers, as raw discovery records.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ProviderException">The source failed after its retry budget.</exception>
    Task<IReadOnlyList<CandidateRecord>> DiscoverAsync(CancellationToken cancellationToken);

    /// <summary>Fetches the daily bars of <paramref name="symbol"/> dated in [<paramref name="first"/>, <paramref name="last"/>].</summary>
    /// <param name="symbol">The instrument.</param>
    /// <param name="first">First date (inclusive).</param>
    /// <param name="last">Last date (inclusive).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bars (possibly none) and the raw payload.</returns>
    /// <exception cref="ProviderException">The source failed after its retry budget or sent a malformed response.</exception>
    Task<ProviderFetch> FetchBarsAsync(Symbol symbol, DateOnly first, DateOnly last, CancellationToken cancellationToken);
}
