namespace QuantFunctions.Cli.Compute.Infrastructure;

/// <summary>
/// The process exit codes of <c>quant</c>. An error exits with its code's <see cref="QuantFunctions.Core.Errors.ErrorCode.ExitCode"/>,
/// which is <see cref="UsageError"/> or <see cref="RunFailed"/> (docs/errors.md).
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything succeeded.</summary>
    public const int Success = 0;

    /// <summary>A run (pipeline, stage, verification) ran and failed, or the work failed (data quality, storage unavailable, a fault).</summary>
    public const int RunFailed = 1;

    /// <summary>Bad usage or a validation error before anything ran.</summary>
    public const int UsageError = 2;
}
