namespace QuantFunctions.Core.Errors;

/// <summary>
/// What kind of failure an <see cref="ErrorCode"/> reports. The category alone decides the <c>quant</c> exit code
/// (<see cref="ErrorCode.ExitCode"/>) and the HTTP status (<see cref="ErrorCode.HttpStatus"/>).
/// </summary>
public enum ErrorCategory
{
    /// <summary>The input is wrong (an argument, option, setting, request field, manifest or input file); nothing ran. Exit 2, HTTP 400.</summary>
    InvalidInput,

    /// <summary>The run, lake object or file named does not exist. Exit 2, HTTP 404.</summary>
    NotFound,

    /// <summary>The request clashes with what is stored (a run id with other inputs, an immutable object). Exit 2, HTTP 409.</summary>
    Conflict,

    /// <summary>The run already finished, so there is nothing left to act on. Exit 2, HTTP 410.</summary>
    Gone,

    /// <summary>The lake view or the storage service refused the access. Exit 2, HTTP 403.</summary>
    AccessDenied,

    /// <summary>The data (fetched, imported or stored) failed a check; the work ran and failed. Exit 1, HTTP 422.</summary>
    DataQuality,

    /// <summary>A dependency is unreachable or slow (storage, a market data provider, a deadline); retrying may succeed. Exit 1, HTTP 503.</summary>
    Unavailable,

    /// <summary>A fault of the platform itself, not of the input. Exit 1, HTTP 500.</summary>
    Internal,
}
