namespace QuantFunctions.Core.Errors;

/// <content>The run contract between runs: pinned sleeve runs must be validated (issue 16).</content>
public static partial class ErrorCodes
{
    /// <summary>A meta manifest pins (<c>sleeve_runs</c>) a run that is missing, or has no <c>validation.json</c> recording it valid.</summary>
    public static readonly ErrorCode MetaSleeveRunUnvalidated = new("meta.sleeve_run_unvalidated", ErrorCategory.InvalidInput);
}
