namespace QuantFunctions.DataOps.Providers;

/// <summary>One attempt of an HTTP request (the per-attempt coverage log).</summary>
/// <param name="Request">Method and path with query.</param>
/// <param name="Attempt">1-based attempt number.</param>
/// <param name="Status">The HTTP status, or null on a connection failure.</param>
/// <param name="Error">The failure (status reason or exception), null on success.</param>
/// <param name="RetryDelay">The delay before the next attempt, null when none followed.</param>
/// <param name="DurationMs">How long the attempt took in milliseconds (a measurement for the log, not part of any result).</param>
public sealed record ProviderAttempt(string Request, int Attempt, int? Status, string? Error, TimeSpan? RetryDelay, double DurationMs = 0);
