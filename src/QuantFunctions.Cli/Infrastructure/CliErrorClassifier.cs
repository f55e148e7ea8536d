using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Manifests;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>Decides which exceptions are the user's to fix (exit 2) rather than a failed run.</summary>
internal static class CliErrorClassifier
{
    /// <summary>True for usage, validation and missing-input errors.</summary>
    public static bool IsUsageError(Exception exception) => exception is
        UsageException or
        ArgumentException or
        FileNotFoundException or
        DirectoryNotFoundException or
        LakeObjectNotFoundException or
        LakeAccessDeniedException or
        ManifestValidationException or
        DatasetSchemaException or
        QuantFunctions.Core.Allocation.AllocationException { Code: not QuantFunctions.Core.Allocation.AllocationErrorCode.NotSymmetric } or
        ParquetFormatException or
        QuantFunctions.Core.Market.DomainValidationException { Code: QuantFunctions.Core.Market.DomainErrorCodes.UnknownCalendar or QuantFunctions.Core.Market.DomainErrorCodes.InvalidCalendar or QuantFunctions.Core.Market.DomainErrorCodes.UnknownTimeZone or QuantFunctions.Core.Market.DomainErrorCodes.OutsideCoverage } or
        KeyNotFoundException or
        FormatException or
        System.Text.Json.JsonException;
}
