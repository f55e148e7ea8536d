using System.Text.RegularExpressions;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.Orchestration.Manifests;

/// <summary>Validation of identifiers used in manifests, node keys and lake paths.</summary>
internal static partial class Identifiers
{
    /// <summary>True for a lake identifier, <c>[a-z0-9_]+</c> not starting with '_' (scope, pipeline id, parameter name, for_each item).</summary>
    public static bool IsName(string? value) => LakeIdentifier.TryParse(value, out _);

    /// <summary>True for dotted names such as <c>alpha.select</c> (node ids and stage ids).</summary>
    public static bool IsDottedName(string? value) => value is not null && DottedNameRegex().IsMatch(value);

    /// <summary>True for a semver 2.0 version.</summary>
    public static bool IsSemVer(string? value) => SemVer.TryParse(value, out _);

    /// <summary>
    /// True for a 5- or 6-field NCRONTAB expression whose fields use only digits, letters (month and
    /// day names) and <c>* , - /</c>. Field ranges are checked by the scheduler that runs it.
    /// </summary>
    public static bool IsNcrontab(string? value)
    {
        if (value is null)
        {
            return false;
        }

        string[] fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            return false;
        }

        foreach (string field in fields)
        {
            if (!CronFieldRegex().IsMatch(field))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^[a-z0-9_]+(\.[a-z0-9_]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedNameRegex();

    [GeneratedRegex(@"^[0-9A-Za-z*,/\-?]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CronFieldRegex();
}
