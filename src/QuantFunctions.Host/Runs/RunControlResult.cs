namespace QuantFunctions.Host.Runs;

/// <summary>The answer of <see cref="RunLauncher.TerminateAsync"/> or <see cref="RunLauncher.ResumeAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Detail">A sentence naming the run and its state (the ProblemDetails detail when not accepted).</param>
public sealed record RunControlResult(RunControlOutcome Outcome, string Detail);
