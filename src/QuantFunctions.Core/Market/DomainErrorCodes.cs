namespace QuantFunctions.Core.Market;

/// <summary>Stable error codes carried by <see cref="DomainValidationException"/>; tests assert on them.</summary>
public static class DomainErrorCodes
{
    /// <summary>Generic invalid input.</summary>
    public const string InvalidInput = "domain.invalid_input";

    /// <summary>A symbol is not canonical <c>EXCHANGE:SYMBOL</c>.</summary>
    public const string InvalidSymbol = "market.invalid_symbol";

    /// <summary>Columns of a series or panel have inconsistent lengths.</summary>
    public const string ShapeMismatch = "market.shape_mismatch";

    /// <summary>Timestamps are not strictly increasing (duplicate or out of order).</summary>
    public const string NonMonotonicDates = "market.non_monotonic_dates";

    /// <summary>A column name appears twice.</summary>
    public const string DuplicateColumn = "market.duplicate_column";

    /// <summary>A date is not a session of the series' calendar.</summary>
    public const string NotASession = "calendar.not_a_session";

    /// <summary>An unknown calendar identifier.</summary>
    public const string UnknownCalendar = "calendar.unknown";

    /// <summary>A date outside the years a calendar covers.</summary>
    public const string OutsideCoverage = "calendar.outside_coverage";

    /// <summary>A calendar definition (e.g. a user calendar file) is malformed or inconsistent.</summary>
    public const string InvalidCalendar = "calendar.invalid";

    /// <summary>An unknown IANA time zone.</summary>
    public const string UnknownTimeZone = "calendar.unknown_time_zone";

    /// <summary>A value that must be finite is NaN or infinite.</summary>
    public const string NonFiniteValue = "numeric.non_finite";

    /// <summary>Weights do not match the columns they apply to.</summary>
    public const string InvalidWeights = "portfolio.invalid_weights";

    /// <summary>Not enough data for the requested window.</summary>
    public const string InsufficientData = "data.insufficient";

    /// <summary>An expected sleeve is missing or empty.</summary>
    public const string SleeveIncomplete = "meta.sleeve_incomplete";
}
