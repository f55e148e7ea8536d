namespace QuantFunctions.Core.Errors;

/// <content>Selection's input: the point-in-time feature store.</content>
public static partial class ErrorCodes
{
    /// <summary>The universe has no point-in-time feature store as of the decision: no row of the dataset was known by then.</summary>
    public static readonly ErrorCode NoFeatureStore = new("selection.no_feature_store", ErrorCategory.NotFound);
}
