namespace QuantFunctions.Core.Discovery;

/// <summary>The members of a universe, in rank order, and every excluded candidate with its reason.</summary>
/// <param name="Members">Qualifying candidates, ranked, capped at the configured size.</param>
/// <param name="Excluded">Excluded candidates (symbol order) with the reason.</param>
public sealed record UniverseSelection(IReadOnlyList<Candidate> Members, IReadOnlyList<CandidateDrop> Excluded);
