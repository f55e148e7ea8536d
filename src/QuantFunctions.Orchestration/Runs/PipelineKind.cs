namespace QuantFunctions.Orchestration.Runs;

/// <summary>What a pipeline produces.</summary>
public enum PipelineKind
{
    /// <summary>A data pipeline (raw → bronze → silver).</summary>
    Data = 0,

    /// <summary>A model pipeline (silver → gold, models); writes only gold/, models/ and _meta/.</summary>
    Model = 1,
}
