using System.Text.Json.Nodes;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>A registered stage: stable id, description, kind, parameter record type and schema, and how to create it.</summary>
public sealed class StageDescriptor
{
    private readonly Func<IStage> _factory;
    private readonly JsonObject _schema;

    internal StageDescriptor(string id, string description, PipelineKind kind, Type parameterType, Func<IStage> factory)
    {
        Id = id;
        Description = description;
        Kind = kind;
        ParameterType = parameterType;
        _factory = factory;
        Binder = new StageParameterBinder(parameterType);
        _schema = StageParameterSchema.Build(id, description, parameterType, Binder.CreateDefault(), Binder.Overridable);
    }

    /// <summary>The stable stage id (e.g. <c>alpha.select</c>).</summary>
    public string Id { get; }

    /// <summary>One line saying what the stage does.</summary>
    public string Description { get; }

    /// <summary>Data stages may run only in data pipelines; model stages run in either.</summary>
    public PipelineKind Kind { get; }

    /// <summary>The stage's parameter record type.</summary>
    public Type ParameterType { get; }

    /// <summary>The parameter names (snake_case), sorted.</summary>
    public IEnumerable<string> ParameterNames => Binder.Names;

    /// <summary>
    /// The parameters a remote caller may override (marked <see cref="OverridableAttribute"/>), sorted; the others are fixed
    /// by the manifest for remote callers.
    /// </summary>
    public IReadOnlyCollection<string> OverridableParameters => Binder.Overridable;

    internal StageParameterBinder Binder { get; }

    /// <summary>A fresh copy of the JSON Schema of the parameters (for <c>quant stage schema</c>).</summary>
    public JsonObject GetParameterSchema() => (JsonObject)_schema.DeepClone();

    /// <summary>Creates the stage.</summary>
    public IStage CreateStage() => _factory();

    /// <summary>Binds and validates parameters given as JSON (snake_case names) over the record's defaults.</summary>
    /// <exception cref="ManifestValidationException">A parameter is unknown, of the wrong type or out of range.</exception>
    public object BindParameters(JsonObject values, string source = "parameters")
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = new List<ParameterError>();
        object? bound = Binder.Bind(values, errors);
        if (bound is null)
        {
            throw new ManifestValidationException(errors.ConvertAll(e => new ManifestError(e.Code, source, null, $"stage '{Id}': {e.Message}")));
        }

        return bound;
    }
}
