namespace QuantFunctions.Orchestration.Manifests;

/// <summary>Stable codes of manifest and parameter validation errors (tests and tools match on them).</summary>
public enum ManifestErrorCode
{
    /// <summary>The file is not valid JSON.</summary>
    InvalidJson = 1,

    /// <summary>A required property is missing.</summary>
    MissingProperty,

    /// <summary>A property has the wrong JSON type or format (id, semver, kind, schedule…).</summary>
    InvalidProperty,

    /// <summary>A property the manifest format does not define.</summary>
    UnknownProperty,

    /// <summary>Two nodes share an id.</summary>
    DuplicateNode,

    /// <summary>A node names a stage that is not registered.</summary>
    UnknownStage,

    /// <summary>A model pipeline uses a data stage, or a data pipeline a model stage.</summary>
    StageKindMismatch,

    /// <summary>A node depends on a node id that does not exist.</summary>
    MissingDependency,

    /// <summary>The dependencies form a cycle.</summary>
    Cycle,

    /// <summary>A parameter value has the wrong type or fails a validation rule.</summary>
    InvalidParameter,

    /// <summary>A parameter value is outside its allowed range or length.</summary>
    ParameterOutOfRange,

    /// <summary>A parameter name the stage (or the pipeline) does not define.</summary>
    UnknownParameter,

    /// <summary><c>for_each</c> refers to something that is not a list of identifiers.</summary>
    ForEachNotList,

    /// <summary>The manifest's scope, id or version disagree with its path.</summary>
    PathMismatch,

    /// <summary>A stage parameter override targets a stage, scope, pipeline or version that no node of the pipeline has.</summary>
    UnmatchedOverride,

    /// <summary>A remote caller overrides a parameter the manifest fixes (not marked overridable, or a pipeline parameter).</summary>
    NotOverridable,
}
