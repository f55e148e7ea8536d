namespace QuantFunctions.Core.Errors;

/// <content>Domain input: symbols, series and panels, calendars, numbers, weights, sleeves.</content>
public static partial class ErrorCodes
{
    /// <summary>Domain input breaks a rule not covered by a more specific code.</summary>
    public static readonly ErrorCode InvalidInput = new("domain.invalid_input", ErrorCategory.InvalidInput);

    /// <summary>A symbol is not canonical <c>EXCHANGE:SYMBOL</c>.</summary>
    public static readonly ErrorCode InvalidSymbol = new("market.invalid_symbol", ErrorCategory.InvalidInput);

    /// <summary>Sizes or labels disagree: columns of a series or panel, vectors and matrices, assets of returns and covariance.</summary>
    public static readonly ErrorCode ShapeMismatch = new("market.shape_mismatch", ErrorCategory.InvalidInput);

    /// <summary>Timestamps are not strictly increasing (duplicate or out of order).</summary>
    public static readonly ErrorCode NonMonotonicDates = new("market.non_monotonic_dates", ErrorCategory.InvalidInput);

    /// <summary>A column name appears twice.</summary>
    public static readonly ErrorCode DuplicateColumn = new("market.duplicate_column", ErrorCategory.InvalidInput);

    /// <summary>A date is not a session of the series' calendar.</summary>
    public static readonly ErrorCode NotASession = new("calendar.not_a_session", ErrorCategory.InvalidInput);

    /// <summary>A calendar id that is neither built in nor stored in the lake.</summary>
    public static readonly ErrorCode UnknownCalendar = new("calendar.unknown", ErrorCategory.InvalidInput);

    /// <summary>A date outside the years a calendar covers.</summary>
    public static readonly ErrorCode OutsideCoverage = new("calendar.outside_coverage", ErrorCategory.InvalidInput);

    /// <summary>A calendar definition (e.g. a user calendar file) is malformed or inconsistent.</summary>
    public static readonly ErrorCode InvalidCalendar = new("calendar.invalid", ErrorCategory.InvalidInput);

    /// <summary>An unknown IANA time zone.</summary>
    public static readonly ErrorCode UnknownTimeZone = new("calendar.unknown_time_zone", ErrorCategory.InvalidInput);

    /// <summary>A value that must be finite is NaN or infinite (a price, a return, a bound, a covariance entry).</summary>
    public static readonly ErrorCode NonFiniteValue = new("numeric.non_finite", ErrorCategory.InvalidInput);

    /// <summary>Weights do not match the columns they apply to.</summary>
    public static readonly ErrorCode InvalidWeights = new("portfolio.invalid_weights", ErrorCategory.InvalidInput);

    /// <summary>Fewer observations than the window or estimator needs.</summary>
    public static readonly ErrorCode InsufficientData = new("data.insufficient", ErrorCategory.InvalidInput);

    /// <summary>An expected sleeve is missing, empty or has no observation; the meta portfolio cannot be built.</summary>
    public static readonly ErrorCode SleeveIncomplete = new("meta.sleeve_incomplete", ErrorCategory.DataQuality);
}
