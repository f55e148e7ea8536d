using QuantFunctions.Core.Errors;
using QuantFunctions.Functions.Http;

namespace QuantFunctions.Functions.Timers;

/// <summary>What the DataOps timer did with a due run.</summary>
/// <param name="Due">The pipeline and occurrence.</param>
/// <param name="RunId">The run id derived from them.</param>
/// <param name="Started">True when this invocation started the run.</param>
/// <param name="Problem">Why not: <see cref="ErrorCodes.RunExists"/> when it was already started; else the start's error.</param>
public sealed record ScheduledStart(DueRun Due, string RunId, bool Started, ApiProblem? Problem);
