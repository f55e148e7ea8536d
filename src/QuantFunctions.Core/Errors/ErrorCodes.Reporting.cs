namespace QuantFunctions.Core.Errors;

/// <content>Reporting: tear sheets and the artifacts they read.</content>
public static partial class ErrorCodes
{
    /// <summary>A tear sheet's benchmark names a symbol that is not in the sleeve universe's silver returns, or a symbol for a portfolio without a universe.</summary>
    public static readonly ErrorCode ReportBenchmarkUnknown = new("report.benchmark_unknown", ErrorCategory.InvalidInput);

    /// <summary>A selection funnel or regime artifact the tear sheet reads does not have the agreed shape.</summary>
    public static readonly ErrorCode ReportArtifactInvalid = new("report.artifact_invalid", ErrorCategory.DataQuality);
}
