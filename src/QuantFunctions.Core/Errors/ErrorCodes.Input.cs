namespace QuantFunctions.Core.Errors;

/// <content>Usage, settings and the framework's input errors.</content>
public static partial class ErrorCodes
{
    /// <summary>A command was called wrongly: a bad option value, a missing or contradictory argument.</summary>
    public static readonly ErrorCode Usage = new("cli.usage", ErrorCategory.InvalidInput);

    /// <summary>A deployment setting is invalid, or the manifests folder is missing, empty or invalid (the app refuses to start).</summary>
    public static readonly ErrorCode InvalidSettings = new("config.invalid", ErrorCategory.InvalidInput);

    /// <summary>An argument value is invalid (an identifier, a range, an option).</summary>
    public static readonly ErrorCode InvalidArgument = new("input.invalid_argument", ErrorCategory.InvalidInput);

    /// <summary>Text that does not parse: a number, a date, JSON, an override assignment.</summary>
    public static readonly ErrorCode InvalidFormat = new("input.invalid_format", ErrorCategory.InvalidInput);

    /// <summary>A file or folder given as input does not exist.</summary>
    public static readonly ErrorCode FileNotFound = new("input.file_not_found", ErrorCategory.NotFound);

    /// <summary>A named item does not exist: a stage, a node of the pipeline, a column.</summary>
    public static readonly ErrorCode KeyNotFound = new("input.not_found", ErrorCategory.NotFound);
}
