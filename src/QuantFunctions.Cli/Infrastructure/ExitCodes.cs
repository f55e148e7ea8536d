namespace QuantFunctions.Cli.Infrastructure;

/// <summary>The process exit codes of <c>quant</c>.</summary>
public static class ExitCodes
{
    /// <summary>Everything succeeded.</summary>
    public const int Success = 0;

    /// <summary>A run (pipeline, stage, verification) ran and failed.</summary>
    public const int RunFailed = 1;

    /// <summary>Bad usage or a validation error before anything ran.</summary>
    public const int UsageError = 2;
}
