using System.Globalization;

namespace QuantFunctions.Lake.Paths;

/// <summary>
/// A semantic version <c>MAJOR.MINOR.PATCH[-prerelease]</c> (semver.org 2.0, without build metadata, lowercase
/// pre-release identifiers only) used in <c>version=</c> path segments.
/// </summary>
/// <remarks>Ordering follows semver §11: numeric core first, a pre-release sorts before its release,
/// pre-release identifiers compare numerically when numeric, else ordinally.</remarks>
public readonly record struct SemVer : IComparable<SemVer>
{
    private SemVer(int major, int minor, int patch, string? preRelease)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        PreRelease = preRelease;
    }

    /// <summary>The major version.</summary>
    public int Major { get; }

    /// <summary>The minor version.</summary>
    public int Minor { get; }

    /// <summary>The patch version.</summary>
    public int Patch { get; }

    /// <summary>The pre-release tag (e.g. <c>rc.1</c>), or null.</summary>
    public string? PreRelease { get; }

    /// <summary>Creates a release version.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A part is negative.</exception>
    public static SemVer Create(int major, int minor, int patch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(major);
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        ArgumentOutOfRangeException.ThrowIfNegative(patch);
        return new SemVer(major, minor, patch, null);
    }

    /// <summary>Parses <c>MAJOR.MINOR.PATCH[-prerelease]</c>.</summary>
    /// <param name="value">The version text.</param>
    /// <param name="what">What the version belongs to, used in the error message.</param>
    /// <exception cref="ArgumentException">The text is not a semantic version.</exception>
    public static SemVer Parse(string value, string what = "version")
    {
        if (!TryParse(value, out SemVer version))
        {
            throw new ArgumentException(
                $"Invalid {what} '{value}': expected a semantic version MAJOR.MINOR.PATCH[-prerelease] (e.g. 1.0.0, 2.1.0-rc.1), no leading zeros, lowercase.",
                what);
        }

        return version;
    }

    /// <summary>Parses without throwing.</summary>
    public static bool TryParse(string? value, out SemVer version)
    {
        version = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        string core = value;
        string? pre = null;
        int dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            core = value[..dash];
            pre = value[(dash + 1)..];
            if (!IsValidPreRelease(pre))
            {
                return false;
            }
        }

        string[] parts = core.Split('.');
        if (parts.Length != 3
            || !TryParseNumber(parts[0], out int major)
            || !TryParseNumber(parts[1], out int minor)
            || !TryParseNumber(parts[2], out int patch))
        {
            return false;
        }

        version = new SemVer(major, minor, patch, pre);
        return true;
    }

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    public static bool operator <(SemVer left, SemVer right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    public static bool operator <=(SemVer left, SemVer right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    public static bool operator >(SemVer left, SemVer right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    public static bool operator >=(SemVer left, SemVer right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public int CompareTo(SemVer other)
    {
        int c = Major.CompareTo(other.Major);
        if (c == 0) { c = Minor.CompareTo(other.Minor); }
        if (c == 0) { c = Patch.CompareTo(other.Patch); }
        if (c != 0) { return c; }
        if (PreRelease is null || other.PreRelease is null)
        {
            return (PreRelease is null ? 1 : 0) - (other.PreRelease is null ? 1 : 0);
        }

        return ComparePreRelease(PreRelease, other.PreRelease);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        PreRelease is null
            ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}")
            : string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}-{PreRelease}");

    private static bool TryParseNumber(string text, out int number)
    {
        number = 0;
        if (text.Length == 0 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    private static bool IsValidPreRelease(string pre)
    {
        foreach (string id in pre.Split('.'))
        {
            if (id.Length == 0)
            {
                return false;
            }

            bool numeric = true;
            foreach (char c in id)
            {
                if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                {
                    return false;
                }

                numeric &= c is >= '0' and <= '9';
            }

            if (numeric && id.Length > 1 && id[0] == '0')
            {
                return false;
            }
        }

        return true;
    }

    private static int ComparePreRelease(string a, string b)
    {
        string[] x = a.Split('.');
        string[] y = b.Split('.');
        for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            bool xn = long.TryParse(x[i], NumberStyles.None, CultureInfo.InvariantCulture, out long xv);
            bool yn = long.TryParse(y[i], NumberStyles.None, CultureInfo.InvariantCulture, out long yv);
            int c = (xn, yn) switch
            {
                (true, true) => xv.CompareTo(yv),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(x[i], y[i]),
            };
            if (c != 0)
            {
                return c;
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
