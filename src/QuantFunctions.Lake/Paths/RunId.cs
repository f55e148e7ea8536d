namespace QuantFunctions.Lake.Paths;

/// <summary>
/// A run identifier used in <c>run={run_id}</c> and <c>_meta/{scope}/runs/{run_id}</c>: 1 to 128 characters of
/// lowercase <c>[a-z0-9_-]</c>, starting with a letter or digit (so timestamps and ULID/UUID-like ids fit).
/// </summary>
public readonly record struct RunId
{
    /// <summary>The longest run id accepted.</summary>
    public const int MaxLength = 128;

    private RunId(string value) => Value = value;

    /// <summary>The run id text.</summary>
    public string Value { get; }

    /// <summary>Validates a run id.</summary>
    /// <exception cref="ArgumentException">The value is empty, too long, or has a character outside <c>[a-z0-9_-]</c>.</exception>
    public static RunId Parse(string value)
    {
        if (!TryParse(value, out RunId id))
        {
            throw new ArgumentException(
                $"Invalid run id '{value}': 1-{MaxLength} characters of lowercase [a-z0-9_-], starting with a letter or digit.",
                nameof(value));
        }

        return id;
    }

    /// <summary>Validates a run id without throwing.</summary>
    public static bool TryParse(string? value, out RunId id)
    {
        id = default;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value[0] is '_' or '-')
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!LakeIdentifier.IsIdentifierChar(c) && c != '-')
            {
                return false;
            }
        }

        id = new RunId(value);
        return true;
    }


    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
