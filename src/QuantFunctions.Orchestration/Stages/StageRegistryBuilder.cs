using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>
/// Collects stage registrations; registering a stage is one line:
/// <c>builder.Add&lt;SelectStage, SelectParameters&gt;("alpha.select", "Top/bottom N by momentum", PipelineKind.Model);</c>
/// </summary>
public sealed class StageRegistryBuilder
{
    private readonly SortedDictionary<string, StageDescriptor> _stages = new(StringComparer.Ordinal);
    private bool _built;

    /// <summary>Registers a stage created with its parameterless constructor.</summary>
    /// <exception cref="ArgumentException">The id is not a dotted lowercase name, or is already registered.</exception>
    public StageRegistryBuilder Add<TStage, TParameters>(string id, string description, PipelineKind kind)
        where TStage : IStage, new()
        where TParameters : class, new() =>
        Add<TParameters>(id, description, kind, static () => new TStage());

    /// <summary>Registers a stage created by <paramref name="factory"/> (for stages with dependencies).</summary>
    /// <exception cref="ArgumentException">The id is not a dotted lowercase name, or is already registered.</exception>
    public StageRegistryBuilder Add<TParameters>(string id, string description, PipelineKind kind, Func<IStage> factory)
        where TParameters : class, new()
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(factory);
        if (_built)
        {
            throw new InvalidOperationException("The stage registry was already built; register stages before Build().");
        }

        if (!Identifiers.IsDottedName(id))
        {
            throw new ArgumentException($"Stage id '{id}' must be lowercase [a-z0-9_] segments separated by '.'.", nameof(id));
        }

        if (_stages.ContainsKey(id))
        {
            throw new ArgumentException($"Stage '{id}' is already registered.", nameof(id));
        }

        _stages.Add(id, new StageDescriptor(id, description, kind, typeof(TParameters), factory));
        return this;
    }

    /// <summary>Builds the registry; the builder cannot be used afterwards.</summary>
    public StageRegistry Build()
    {
        _built = true;
        return new StageRegistry(new SortedDictionary<string, StageDescriptor>(_stages, StringComparer.Ordinal));
    }
}
