namespace QuantFunctions.Core.Errors;

/// <content>Universe selection: the Alpha Foundation Gate, scoring standards, vetoes and HTR.</content>
public static partial class ErrorCodes
{
    /// <summary>The Alpha Foundation Gate found the returns matrix unusable (no asset or too few dense rows left).</summary>
    public static readonly ErrorCode FoundationUnstable = new("selection.foundation_unstable", ErrorCategory.InvalidInput);

    /// <summary>A feature column the standard needs is absent from the point-in-time feature store.</summary>
    public static readonly ErrorCode MissingFeature = new("selection.missing_feature", ErrorCategory.InvalidInput);

    /// <summary>A selection option is out of range or names an unknown standard, normalisation or regime source.</summary>
    public static readonly ErrorCode InvalidSelectionOption = new("selection.invalid_option", ErrorCategory.InvalidInput);

    /// <summary>Selection found no healthy candidate: every asset was dropped by the gate or a hard veto.</summary>
    public static readonly ErrorCode NoWinners = new("selection.no_winners", ErrorCategory.InvalidInput);
}
