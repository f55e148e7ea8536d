namespace QuantFunctions.Core.Errors;

/// <content>Manifests, stages and runs — including the codes of the HTTP API's problem details.</content>
public static partial class ErrorCodes
{
    /// <summary>A manifest, or a parameter override, is invalid; the message lists every error with file and node.</summary>
    public static readonly ErrorCode InvalidManifest = new("manifest.invalid", ErrorCategory.InvalidInput);

    /// <summary>A stage failure that may succeed when tried again (the runner retries it).</summary>
    public static readonly ErrorCode StageTransient = new("stage.transient", ErrorCategory.Unavailable);

    /// <summary>A model node's DataOps hand-off is not published, is of another version or run, or no longer matches the silver it reads.</summary>
    public static readonly ErrorCode HandoffMismatch = new("handoff.mismatch", ErrorCategory.DataQuality);

    /// <summary>A run.json or stage.json does not parse or fails validation.</summary>
    public static readonly ErrorCode RunRecordInvalid = new("run.record_invalid", ErrorCategory.DataQuality);

    /// <summary>A run cannot be resumed: its stored manifest or ledger no longer matches what the run recorded.</summary>
    public static readonly ErrorCode RunNotResumable = new("run.not_resumable", ErrorCategory.DataQuality);

    /// <summary>The pipeline is not in the catalog (API).</summary>
    public static readonly ErrorCode UnknownPipeline = new("unknown_pipeline", ErrorCategory.InvalidInput);

    /// <summary><c>as_of</c> is not an ISO-8601 time with an offset (API).</summary>
    public static readonly ErrorCode BadAsOf = new("bad_as_of", ErrorCategory.InvalidInput);

    /// <summary><c>seed</c> is not a 32-bit integer (API).</summary>
    public static readonly ErrorCode BadSeed = new("bad_seed", ErrorCategory.InvalidInput);

    /// <summary><c>params</c> is malformed, or an override names an unknown stage, parameter or value (API).</summary>
    public static readonly ErrorCode BadParams = new("bad_params", ErrorCategory.InvalidInput);

    /// <summary>
    /// <c>set</c> (API) or <c>--set</c> (CLI) is malformed, names a parameter the manifest does not declare, or gives a value
    /// not of the declared type.
    /// </summary>
    public static readonly ErrorCode BadSet = new("bad_set", ErrorCategory.InvalidInput);

    /// <summary><c>params</c> overrides a parameter the manifest fixes for remote callers (API).</summary>
    public static readonly ErrorCode ParamNotOverridable = new("param_not_overridable", ErrorCategory.InvalidInput);

    /// <summary>A run id is not 1-128 characters of lowercase <c>[a-z0-9_-]</c> (API).</summary>
    public static readonly ErrorCode BadRunId = new("bad_run_id", ErrorCategory.InvalidInput);

    /// <summary>The body is not a JSON object, or has a member the API does not know (API).</summary>
    public static readonly ErrorCode BadJson = new("bad_json", ErrorCategory.InvalidInput);

    /// <summary>The body is larger than <c>QF_MAX_REQUEST_BYTES</c> (API).</summary>
    public static readonly ErrorCode BodyTooLarge = new("body_too_large", ErrorCategory.InvalidInput);

    /// <summary>A query parameter the endpoint does not take (or a repeated one), or a body where it takes none (API).</summary>
    public static readonly ErrorCode UnexpectedInput = new("unexpected_input", ErrorCategory.InvalidInput);

    /// <summary>A terminate reason is longer than allowed (API).</summary>
    public static readonly ErrorCode BadReason = new("bad_reason", ErrorCategory.InvalidInput);

    /// <summary>Neither an orchestration nor a run.json has that run id.</summary>
    public static readonly ErrorCode RunNotFound = new("run_not_found", ErrorCategory.NotFound);

    /// <summary>A run with that id exists already (with other inputs, for the CLI).</summary>
    public static readonly ErrorCode RunExists = new("run_exists", ErrorCategory.Conflict);

    /// <summary>The run id exists in several scopes of the lake.</summary>
    public static readonly ErrorCode RunAmbiguous = new("run_ambiguous", ErrorCategory.Conflict);

    /// <summary>The run is still running (restart), or recorded running by another engine.</summary>
    public static readonly ErrorCode RunRunning = new("run_running", ErrorCategory.Conflict);

    /// <summary>The run already succeeded; start a new run id to compute again.</summary>
    public static readonly ErrorCode RunSucceeded = new("run_succeeded", ErrorCategory.Conflict);

    /// <summary>The orchestration ended before recording the run, so there is nothing to restart from.</summary>
    public static readonly ErrorCode RunNotRecorded = new("run_not_recorded", ErrorCategory.Conflict);

    /// <summary>The run already finished, so there is nothing to terminate or cancel.</summary>
    public static readonly ErrorCode RunFinished = new("run_finished", ErrorCategory.Gone);
}
