namespace QuantFunctions.Orchestration.Steps;

/// <summary>One node of a run execution to run (the <c>ExecuteNode</c> activity's input).</summary>
/// <param name="Scope">The run's scope.</param>
/// <param name="RunId">The run id.</param>
/// <param name="Attempt">The execution attempt.</param>
/// <param name="Node">The node key.</param>
public sealed record NodeWork(string Scope, string RunId, int Attempt, string Node);
