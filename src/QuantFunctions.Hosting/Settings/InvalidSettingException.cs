using QuantFunctions.Core.Errors;

namespace QuantFunctions.Hosting.Settings;

/// <summary>
/// A setting is missing or invalid, so the front end refuses to start. <see cref="Setting"/> names it and the message
/// says what is wanted (never echoing a secret); the CLI answers it with exit code 2, the Functions app fails start-up.
/// </summary>
public sealed class InvalidSettingException : Exception, ICodedError
{
    /// <summary>Creates the exception.</summary>
    public InvalidSettingException()
        : this("settings", "A setting is invalid.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the setting.</param>
    public InvalidSettingException(string message)
        : this("settings", message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong, naming the setting.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidSettingException(string message, Exception innerException)
        : this("settings", message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="setting"/>.</summary>
    /// <param name="setting">The setting at fault, e.g. <c>QF_MAX_PARALLELISM</c>.</param>
    /// <param name="message">What is wrong, naming the setting.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InvalidSettingException(string setting, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        Setting = setting;
    }

    /// <summary>The setting at fault (e.g. <c>QF_LAKE</c>).</summary>
    public string Setting { get; }

    /// <inheritdoc/>
    public ErrorCode Code => ErrorCodes.InvalidSettings;
}
