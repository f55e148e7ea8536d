using QuantFunctions.Core.Discovery;
using QuantFunctions.DataOps.Providers;

namespace QuantFunctions.Stages.DataOps;

/// <summary>What discovery produced for <c>dataops.ingest</c>.</summary>
/// <param name="Received">Raw records received.</param>
/// <param name="Set">The normalised candidates with drops and merges.</param>
/// <param name="OfMarket">The candidates on the ingested exchange (ordinal by symbol).</param>
/// <param name="Scan">The screener scan (URL, attempts, raw payload); null for provider discovery.</param>
internal sealed record DiscoveryOutcome(int Received, CandidateSet Set, IReadOnlyList<Candidate> OfMarket, ScreenerScan? Scan);
