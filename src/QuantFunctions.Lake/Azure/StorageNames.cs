namespace QuantFunctions.Lake.Azure;

/// <summary>Container and queue naming rules (3–63 lowercase letters, digits and single dashes, letter or digit at both ends).</summary>
internal static class StorageNames
{
    public static void Validate(string name, string kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        bool valid = name.Length is >= 3 and <= 63 && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
            && !name.Contains("--", StringComparison.Ordinal);
        foreach (char c in name)
        {
            valid &= char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-';
        }

        if (!valid)
        {
            throw new ArgumentException(
                $"Invalid {kind} name '{name}': 3-63 lowercase letters, digits and single dashes, starting and ending with a letter or digit.", nameof(name));
        }
    }
}
