namespace QuantFunctions.Core.Tournaments;

/// <summary>One walk-forward window's books: the names selected LONG and SHORT (winner order, disjoint).</summary>
/// <param name="Decided">The last training date (the selection's as-of).</param>
/// <param name="Long">The long book's winners, best first; empty when nothing was selected (cash).</param>
/// <param name="Short">The short book's winners, best first; never a name of <paramref name="Long"/>.</param>
public sealed record WindowBooks(DateOnly Decided, IReadOnlyList<string> Long, IReadOnlyList<string> Short);
