using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>
/// The manifest spelling of an enum parameter's values: the member's <see cref="JsonStringEnumMemberNameAttribute"/>, else its
/// name in snake_case (<c>PerSymbol</c> → <c>per_symbol</c>). Binding is by exact, case-sensitive match, so a manifest written
/// for the string parameter the enum replaced reads the same.
/// </summary>
public static class ParameterEnum
{
    /// <summary>The manifest spelling of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a declared member.</exception>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        string? member = Enum.GetName(value);
        return member is null
            ? throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} has no member {value}.")
            : NameOf(typeof(TEnum).GetField(member)!);
    }

    /// <summary>The manifest spellings of every member of <paramref name="enumType"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Names(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return [.. Members(enumType).Select(m => m.Name)];
    }

    /// <summary>The member spelled <paramref name="text"/> (ordinal), or null.</summary>
    internal static object? TryParse(Type enumType, string text)
    {
        foreach ((string name, object value) in Members(enumType))
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private static IEnumerable<(string Name, object Value)> Members(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (NameOf(f), f.GetValue(null)!));

    private static string NameOf(FieldInfo field) =>
        field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(field.Name);
}
