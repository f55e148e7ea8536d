namespace QuantFunctions.Lake.Paths;

/// <summary>What a lake path addresses, as recognised by <see cref="LakePathResolver.Parse"/>.</summary>
public enum LakeObjectKind
{
    /// <summary><c>raw/{market}/{source}/ingest_date=YYYY-MM-DD/{batch}.{json|csv}</c>.</summary>
    RawBatch = 0,

    /// <summary><c>bronze/{market}/{product}/{dataset}/schema=vN/interval=…/year=YYYY[/month=MM]/part-{batch}.parquet</c>.</summary>
    BronzePart,

    /// <summary><c>silver/{universe}/{pipeline_id}/version={v}/{dataset}/year=YYYY/part-NNNNN.parquet</c>.</summary>
    SilverPart,

    /// <summary><c>gold/{sleeve}/{pipeline_id}/version={v}/{dataset}/run={run_id}/part-NNNNN.parquet</c>.</summary>
    GoldPart,

    /// <summary><c>models/{sleeve}/{model_id}/version={model_version}/{relative path}</c>.</summary>
    ModelArtifact,

    /// <summary><c>_meta/pipelines/{scope}/{pipeline_id}/version={v}/manifest.json</c>.</summary>
    PipelineManifest,

    /// <summary><c>_meta/{scope}/runs/{run_id}/run.json</c>.</summary>
    RunRecord,

    /// <summary><c>_meta/{scope}/runs/{run_id}/stages/{node}/stage.json</c>.</summary>
    StageRecord,

    /// <summary><c>_meta/{scope}/runs/{run_id}/audit.jsonl</c>.</summary>
    AuditLedger,

    /// <summary><c>_meta/{scope}/runs/{run_id}/forensic_trace.json</c>.</summary>
    ForensicTrace,

    /// <summary><c>_meta/{scope}/models/{model_id}/registry.json</c>.</summary>
    ModelRegistry,

    /// <summary><c>_meta/{scope}/runs/{run_id}/INDEX.md</c>.</summary>
    RunIndex,

    /// <summary><c>_meta/schemas/{dataset}/schema=vN.json</c>.</summary>
    Schema,

    /// <summary><c>gold/{sleeve}/{pipeline_id}/version={v}/{dataset}/run={run_id}/{file}</c>, a named file (not a part).</summary>
    GoldFile,

    /// <summary><c>silver/{universe}/{pipeline_id}/version={v}/{dataset}/year=YYYY/{file}</c>, a named file (not a part).</summary>
    SilverFile,

    /// <summary><c>silver/{universe}/{pipeline_id}/version={v}/{dataset}/run={run_id}/{file}</c>.</summary>
    SilverRunFile,

    /// <summary><c>_meta/{scope}/runs/{run_id}/coverage_{node}.json</c>.</summary>
    CoverageReport,

    /// <summary><c>_meta/calendars/{calendar}.json</c>.</summary>
    UserCalendar,

    /// <summary><c>_meta/{scope}/pipelines/{pipeline_id}/latest.json</c>, a data pipeline's hand-off.</summary>
    PipelineLatest,
}
