using QuantFunctions.Core.Scheduling;

namespace QuantFunctions.Orchestration.Manifests;

/// <summary>
/// Checks a manifest's <c>schedule</c> with <see cref="NCrontabSchedule"/>, the parser the DataOps timer runs it with, so a
/// bad field or range is refused when the manifest loads rather than when the timer starts.
/// </summary>
internal static class ManifestSchedule
{
    /// <summary>The fields of a schedule, for messages.</summary>
    public const string Fields = "{second} {minute} {hour} {day} {month} {day-of-week}; 5 fields without seconds are accepted";

    /// <summary>What is wrong with <paramref name="expression"/> (the parser's message, naming the field), or null when it is valid.</summary>
    /// <remarks>A 5-field expression (no seconds) is checked as if its seconds were <c>0</c>, as the timer runs it.</remarks>
    public static string? Problem(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        try
        {
            _ = NCrontabSchedule.ParseWithOptionalSeconds(expression);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }
}
