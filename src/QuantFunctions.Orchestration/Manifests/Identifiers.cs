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

    [GeneratedRegex(@"^[a-z0-9_]+(\.[a-z0-9_]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedNameRegex();
}
