using System.CommandLine;
using System.Globalization;

namespace QuantFunctions.Cli.Compute.Infrastructure;

/// <summary>Options shared by several commands.</summary>
internal static class CliOptions
{
    /// <summary><c>--json</c>: machine-readable output.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of tables." };

    /// <summary>Parses an ISO-8601 instant (date or date-time; UTC when no offset is given).</summary>
    /// <exception cref="UsageException">Not an ISO-8601 date or date-time.</exception>
    public static DateTimeOffset ParseInstant(string text, string option)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value))
        {
            return value;
        }

        throw new UsageException($"{option} '{text}' is not an ISO-8601 date or date-time (e.g. 2024-01-02 or 2024-01-02T00:00:00Z).");
    }
}
