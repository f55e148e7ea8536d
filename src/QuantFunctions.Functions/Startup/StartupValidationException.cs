using QuantFunctions.Core.Errors;

namespace QuantFunctions.Functions.Startup;

/// <summary>
/// The deployment is unusable — a setting is invalid, the manifests folder is missing or empty, a manifest is invalid —
/// so the app refuses to start. The message names the setting or the path.
/// </summary>
public sealed class StartupValidationException : Exception, ICodedError
{
    /// <summary>Creates the exception.</summary>
    public StartupValidationException()
    {
    }

    /// <summary>Creates the exception with a message naming the setting or path.</summary>
    public StartupValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message naming the setting or path, and its cause.</summary>
    public StartupValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The setting at fault (e.g. <c>QF_MANIFESTS_ROOT</c>), when one is.</summary>
    public string? Setting { get; init; }

    /// <summary>The file or folder at fault, when one is.</summary>
    public string? Path { get; init; }

    /// <summary>Always <see cref="ErrorCodes.InvalidSettings"/>; <see cref="Setting"/> or <see cref="Path"/> says which.</summary>
    public ErrorCode Code => ErrorCodes.InvalidSettings;
}
