namespace QuantFunctions.Orchestration.Steps;

/// <summary>The engine's retry of a step that threw (storage unreachable while recording, a worker lost): attempts and backoff.</summary>
/// <param name="MaxAttempts">Attempts in all, the first included.</param>
/// <param name="FirstInterval">The wait before the first retry; each next one doubles, up to <paramref name="MaxInterval"/>.</param>
/// <param name="MaxInterval">The longest wait.</param>
public sealed record StepRetry(int MaxAttempts, TimeSpan FirstInterval, TimeSpan MaxInterval);
