namespace QuantFunctions.Orchestration.Manifests;

/// <summary>What a pipeline (or a stage) is allowed to do.</summary>
public enum PipelineKind
{
    /// <summary>Data orchestration (DataOps): may touch the network and write raw, bronze and silver.</summary>
    Data = 0,

    /// <summary>Model orchestration (alpha, meta, tournament): writes only gold, models and <c>_meta</c>.</summary>
    Model = 1,
}
