using System.Globalization;

namespace QuantFunctions.Hosting.Settings;

/// <summary>
/// Where the front ends' settings come from — environment variables (the CLI) or app settings (the Functions app) — read
/// by one rule: a value is trimmed, and a blank value counts as unset. The typed readers fail with an
/// <see cref="InvalidSettingException"/> naming the setting.
/// </summary>
public sealed class SettingsSource
{
    private readonly Func<string, string?> _lookup;

    /// <summary>Creates the source over a lookup by name.</summary>
    /// <param name="lookup">Returns a setting's raw value, or null when it is not set (e.g. <c>Environment.GetEnvironmentVariable</c>).</param>
    public SettingsSource(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        _lookup = lookup;
    }

    /// <summary>The trimmed value of <paramref name="name"/>, or null when it is unset or blank.</summary>
    /// <param name="name">The setting.</param>
    public string? Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _lookup(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }

    /// <summary>An integer setting from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when unset.</summary>
    /// <exception cref="InvalidSettingException">Not an integer, or out of range.</exception>
    public int GetInt(string name, int fallback, int min, int max)
    {
        string? text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            throw new InvalidSettingException(name, $"{name} must be an integer, not '{text}'.");
        }

        return value >= min && value <= max
            ? value
            : throw new InvalidSettingException(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be from {min} to {max}, not {value}."));
    }

    /// <summary>One of <paramref name="choices"/> (compared ignoring case, returned lowercase), or <paramref name="fallback"/> when unset.</summary>
    /// <exception cref="InvalidSettingException">Not one of the choices.</exception>
    public string GetChoice(string name, string fallback, params string[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        string value = (Get(name) ?? fallback).ToLowerInvariant();
        return Array.IndexOf(choices, value) >= 0
            ? value
            : throw new InvalidSettingException(name, $"{name} must be {string.Join(" or ", choices.Select(c => $"'{c}'"))}, not '{value}'.");
    }

    /// <summary>A folder or file path made absolute (against the current directory), or <paramref name="fallback"/> when unset.</summary>
    /// <exception cref="InvalidSettingException">Not a valid path.</exception>
    public string GetPath(string name, string fallback)
    {
        string path = Get(name) ?? fallback;
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InvalidSettingException(name, $"{name} is not a valid path: '{path}'.", ex);
        }
    }

    /// <summary>An absolute http(s) URI, or null when unset.</summary>
    /// <exception cref="InvalidSettingException">Not an absolute http or https URI.</exception>
    public Uri? GetHttpUri(string name)
    {
        string? text = Get(name);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidSettingException(name, $"{name} must be an absolute http(s) URI, not '{text}'.");
    }

    /// <summary>A comma-separated list (entries trimmed, empty ones dropped), or <paramref name="fallback"/> split the same way when unset.</summary>
    public IReadOnlyList<string> GetList(string name, string fallback) =>
        (Get(name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
