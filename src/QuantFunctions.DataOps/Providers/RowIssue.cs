namespace QuantFunctions.DataOps.Providers;

/// <summary>A row rejected in lenient mode, with where it was and why.</summary>
/// <param name="Symbol">The symbol concerned (or empty when not known).</param>
/// <param name="Origin">Where: <c>file:line:column</c> or the provider's row origin.</param>
/// <param name="Reason">The rule broken.</param>
public sealed record RowIssue(string Symbol, string Origin, string Reason);
