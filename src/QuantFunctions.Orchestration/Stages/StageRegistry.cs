using System.Diagnostics.CodeAnalysis;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>The registered stages by stable id (immutable; built by <see cref="StageRegistryBuilder"/>).</summary>
public sealed class StageRegistry
{
    private readonly SortedDictionary<string, StageDescriptor> _stages;

    internal StageRegistry(SortedDictionary<string, StageDescriptor> stages) => _stages = stages;

    /// <summary>Every stage, ordered by id (for <c>quant stage list</c> and <c>GET /api/stages</c>).</summary>
    public IReadOnlyList<StageDescriptor> Stages => [.. _stages.Values];

    /// <summary>Finds a stage by id.</summary>
    public bool TryGet(string stageId, [NotNullWhen(true)] out StageDescriptor? descriptor) =>
        _stages.TryGetValue(stageId, out descriptor);

    /// <summary>The stage with id <paramref name="stageId"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such stage; the message lists the registered ids.</exception>
    public StageDescriptor Get(string stageId) =>
        TryGet(stageId, out StageDescriptor? descriptor)
            ? descriptor
            : throw new KeyNotFoundException($"Unknown stage '{stageId}'. Registered stages: {string.Join(", ", _stages.Keys)}.");
}
