using QuantFunctions.Core.Errors;

namespace QuantFunctions.Orchestration.Manifests;

/// <summary>A manifest (or a parameter override) is invalid; lists every error found, each naming file and node.</summary>
public sealed class ManifestValidationException : Exception, ICodedError
{
    /// <summary>Creates the exception from the errors found.</summary>
    public ManifestValidationException(IReadOnlyList<ManifestError> errors)
        : base(Format(errors)) => Errors = errors;

    /// <summary>Creates an exception without structured errors.</summary>
    public ManifestValidationException() : this([]) { }

    /// <summary>Creates an exception without structured errors.</summary>
    public ManifestValidationException(string message) : base(message) => Errors = [];

    /// <summary>Creates an exception without structured errors.</summary>
    public ManifestValidationException(string message, Exception inner) : base(message, inner) => Errors = [];

    /// <summary>The errors, in the order found.</summary>
    public IReadOnlyList<ManifestError> Errors { get; }

    private static string Format(IReadOnlyList<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count switch
        {
            0 => "Invalid manifest.",
            1 => "Invalid manifest: " + errors[0],
            _ => $"Invalid manifest ({errors.Count} errors):" + Environment.NewLine + string.Join(Environment.NewLine, errors),
        };
    }

    /// <summary>Always <see cref="ErrorCodes.InvalidManifest"/>; each of <see cref="Errors"/> has its own <see cref="ManifestError.Code"/>.</summary>
    public ErrorCode Code => ErrorCodes.InvalidManifest;
}
