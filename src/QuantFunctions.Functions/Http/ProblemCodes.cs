namespace QuantFunctions.Functions.Http;

/// <summary>The stable <c>code</c> extension of the API's RFC 7807 problem details; clients and tests match on these, never on text.</summary>
public static class ProblemCodes
{
    /// <summary>400: the pipeline is not in the catalog (the detail lists the known ones).</summary>
    public const string UnknownPipeline = "unknown_pipeline";

    /// <summary>400: <c>as_of</c> is not an ISO-8601 time with an offset.</summary>
    public const string BadAsOf = "bad_as_of";

    /// <summary>400: <c>seed</c> is not a 32-bit integer.</summary>
    public const string BadSeed = "bad_seed";

    /// <summary>400: <c>params</c> is malformed, or an override names an unknown stage, parameter or value.</summary>
    public const string BadParams = "bad_params";

    /// <summary>
    /// 400: <c>params</c> overrides a parameter the manifest fixes for remote callers (see <c>quant stage schema</c>, <c>x-overridable</c>),
    /// or <c>set</c> gives a declared parameter remote callers may not set (not an enum, and it feeds a stage parameter that is not overridable).
    /// </summary>
    public const string ParamNotOverridable = "param_not_overridable";

    /// <summary>400: <c>set</c> is not an object, names a parameter the manifest does not declare, or gives a value not of its type.</summary>
    public const string BadSet = "bad_set";

    /// <summary>400: a run id is not 1-128 characters of lowercase <c>[a-z0-9_-]</c>.</summary>
    public const string BadRunId = "bad_run_id";

    /// <summary>400: the body is not a JSON object, or has a member the API does not know.</summary>
    public const string BadJson = "bad_json";

    /// <summary>400: the body is larger than <c>QF_MAX_REQUEST_BYTES</c>.</summary>
    public const string BodyTooLarge = "body_too_large";

    /// <summary>400: a query parameter the endpoint does not take (or a repeated one), or a body where it takes none.</summary>
    public const string UnexpectedInput = "unexpected_input";

    /// <summary>400: a terminate reason is longer than allowed.</summary>
    public const string BadReason = "bad_reason";

    /// <summary>409: a run (Durable instance or <c>run.json</c>) with that id exists already.</summary>
    public const string RunExists = "run_exists";

    /// <summary>404: neither a Durable instance nor a <c>run.json</c> has that id.</summary>
    public const string RunNotFound = "run_not_found";

    /// <summary>410: the run already finished, so there is nothing to terminate.</summary>
    public const string RunFinished = "run_finished";

    /// <summary>409: the run is still running (restart), or recorded running by another engine.</summary>
    public const string RunRunning = "run_running";

    /// <summary>409: the run already succeeded; start a new run id to compute again.</summary>
    public const string RunSucceeded = "run_succeeded";

    /// <summary>409: the orchestration ended before recording the run, so there is nothing to restart from; start it again.</summary>
    public const string RunNotRecorded = "run_not_recorded";

    /// <summary>409: the run id exists in several scopes of the lake.</summary>
    public const string RunAmbiguous = "run_ambiguous";
}
