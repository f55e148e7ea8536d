using System.Globalization;

namespace QuantFunctions.Lake.Paths;

/// <summary>A dataset schema version, written <c>v1</c>, <c>v2</c>… in <c>schema=</c> segments.</summary>
public readonly record struct SchemaVersion : IComparable<SchemaVersion>
{
    private SchemaVersion(int number) => Number = number;

    /// <summary>Schema version 1.</summary>
    public static SchemaVersion V1 { get; } = new(1);

    /// <summary>The version number (≥ 1).</summary>
    public int Number { get; }

    /// <summary>The path token, e.g. <c>v1</c>.</summary>
    public string Token => string.Create(CultureInfo.InvariantCulture, $"v{Number}");

    /// <summary>Creates a version.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is below 1.</exception>
    public static SchemaVersion Create(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return new SchemaVersion(number);
    }

    /// <summary>Parses <c>v1</c>, <c>v2</c>….</summary>
    /// <exception cref="ArgumentException">The text is not <c>v</c> followed by a positive number without leading zeros.</exception>
    public static SchemaVersion Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length < 2 || token[0] != 'v' || token[1] == '0'
            || !int.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            throw new ArgumentException($"Invalid schema version '{token}': expected v1, v2, ….", nameof(token));
        }

        return new SchemaVersion(number);
    }

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    public static bool operator <(SchemaVersion left, SchemaVersion right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    public static bool operator <=(SchemaVersion left, SchemaVersion right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    public static bool operator >(SchemaVersion left, SchemaVersion right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    public static bool operator >=(SchemaVersion left, SchemaVersion right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public int CompareTo(SchemaVersion other) => Number.CompareTo(other.Number);

    /// <inheritdoc/>
    public override string ToString() => Token;
}
