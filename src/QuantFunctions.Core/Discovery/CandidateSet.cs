namespace QuantFunctions.Core.Discovery;

/// <summary>The normalised candidates (ordinal by symbol, unique) and what was dropped or merged.</summary>
/// <param name="Candidates">Canonical candidates, ordinal by symbol.</param>
/// <param name="Dropped">Invalid records dropped (lenient mode only), in input order.</param>
/// <param name="Merged">How many duplicate records were merged into an earlier one.</param>
public sealed record CandidateSet(IReadOnlyList<Candidate> Candidates, IReadOnlyList<CandidateDrop> Dropped, int Merged);
