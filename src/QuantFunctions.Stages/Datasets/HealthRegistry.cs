using QuantFunctions.Core.DataQuality;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Stages.Datasets;

/// <summary>One run's health registry as read back from the lake.</summary>
/// <param name="RunId">The run that wrote it.</param>
/// <param name="AsOf">The audit's as-of time.</param>
/// <param name="Path">The registry part read.</param>
/// <param name="Results">Per-symbol status and reasons.</param>
public sealed record HealthRegistry(string RunId, DateTimeOffset AsOf, LakePath Path, IReadOnlyList<SymbolHealth> Results);
