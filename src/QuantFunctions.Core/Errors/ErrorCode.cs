namespace QuantFunctions.Core.Errors;

/// <summary>
/// A stable, machine-readable error code from the <see cref="ErrorCodes"/> registry: scripts, API clients and tests
/// match on <see cref="Value"/>, never on message text. The exit code and the HTTP status follow from the category.
/// </summary>
public sealed record ErrorCode
{
    internal ErrorCode(string value, ErrorCategory category)
    {
        Value = value;
        Category = category;
    }

    /// <summary>The code, e.g. <c>calendar.unknown</c> or <c>run_exists</c>; never changes once published.</summary>
    public string Value { get; }

    /// <summary>What kind of failure it is.</summary>
    public ErrorCategory Category { get; }

    /// <summary>
    /// The <c>quant</c> exit code: 2 when the caller must change the request (a usage or validation error, nothing ran),
    /// 1 when the work ran and failed.
    /// </summary>
    public int ExitCode => Category switch
    {
        ErrorCategory.InvalidInput or ErrorCategory.NotFound or ErrorCategory.Conflict or ErrorCategory.Gone or ErrorCategory.AccessDenied => 2,
        _ => 1,
    };

    /// <summary>The HTTP status of the API's problem details for this code.</summary>
    public int HttpStatus => Category switch
    {
        ErrorCategory.InvalidInput => 400,
        ErrorCategory.AccessDenied => 403,
        ErrorCategory.NotFound => 404,
        ErrorCategory.Conflict => 409,
        ErrorCategory.Gone => 410,
        ErrorCategory.DataQuality => 422,
        ErrorCategory.Unavailable => 503,
        _ => 500,
    };

    /// <summary>The code itself (<see cref="Value"/>).</summary>
    public override string ToString() => Value;
}
