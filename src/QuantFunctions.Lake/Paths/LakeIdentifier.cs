namespace QuantFunctions.Lake.Paths;

/// <summary>
/// A validated lake identifier (market, source, product, dataset, universe, sleeve, pipeline id, model id,
/// scope, batch): 1 to 64 characters of lowercase <c>[a-z0-9_]</c>, not starting with '_'.
/// A bad identifier is rejected with an error naming it; it is never sanitised.
/// </summary>
public readonly record struct LakeIdentifier
{
    /// <summary>The longest identifier accepted.</summary>
    public const int MaxLength = 64;

    private LakeIdentifier(string value) => Value = value;

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <summary>Validates <paramref name="value"/>.</summary>
    /// <param name="value">The candidate identifier.</param>
    /// <param name="what">What the identifier names (e.g. <c>market</c>), used in the error message.</param>
    /// <exception cref="ArgumentException">The value is empty, too long, starts with '_' or has a character outside <c>[a-z0-9_]</c>.</exception>
    public static LakeIdentifier Parse(string value, string what = "identifier")
    {
        if (!TryParse(value, out LakeIdentifier identifier))
        {
            throw new ArgumentException(
                $"Invalid {what} '{value}': a lake identifier is 1-{MaxLength} characters of lowercase [a-z0-9_] and does not start with '_'.",
                what);
        }

        return identifier;
    }

    /// <summary>Validates <paramref name="value"/> without throwing.</summary>
    public static bool TryParse(string? value, out LakeIdentifier identifier)
    {
        identifier = default;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value[0] == '_')
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!IsIdentifierChar(c))
            {
                return false;
            }
        }

        identifier = new LakeIdentifier(value);
        return true;
    }

    /// <summary>True for a character allowed in an identifier: <c>[a-z0-9_]</c>.</summary>
    public static bool IsIdentifierChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_';



    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
