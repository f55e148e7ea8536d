namespace QuantFunctions.Core.Discovery;

/// <summary>A record dropped in lenient mode.</summary>
/// <param name="Index">Its 0-based position in the input.</param>
/// <param name="Symbol">Its symbol as given (may be null).</param>
/// <param name="Reason">Why it was dropped.</param>
public sealed record CandidateDrop(int Index, string? Symbol, string Reason);
