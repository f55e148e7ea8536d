namespace QuantFunctions.Lake.Storage;

/// <summary>
/// A validated, relative lake path with '/' separators (e.g. <c>bronze/binance/spot/ohlcv/schema=v1/...</c>).
/// Paths for datasets are built only by <c>LakePathResolver</c>; <see cref="Parse"/> exists for paths
/// that come back from a store listing or from a user (CLI), and validates them the same way.
/// </summary>
public readonly record struct LakePath
{
    private LakePath(string value) => Value = value;

    /// <summary>The path text, relative to the lake root, without leading or trailing '/'.</summary>
    public string Value { get; }

    /// <summary>True for the lake root itself (the empty path), used as a listing prefix.</summary>
    public bool IsRoot => string.IsNullOrEmpty(Value);

    /// <summary>The lake root (empty path).</summary>
    public static LakePath Root => new(string.Empty);

    /// <summary>The last segment (file or folder name).</summary>
    public string Name => IsRoot ? string.Empty : Value[(Value.LastIndexOf('/') + 1)..];

    /// <summary>The parent folder, or the root.</summary>
    public LakePath Parent
    {
        get
        {
            int slash = Value.LastIndexOf('/');
            return slash < 0 ? Root : new LakePath(Value[..slash]);
        }
    }

    /// <summary>Validates and wraps a relative path.</summary>
    /// <exception cref="ArgumentException">The path is absolute, empty-segmented, contains '..', '\\' or control characters.</exception>
    public static LakePath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string trimmed = path.Trim('/');
        if (trimmed.Length == 0)
        {
            return Root;
        }

        foreach (string segment in trimmed.Split('/'))
        {
            ValidateSegment(segment, path);
        }

        return new LakePath(trimmed);
    }

    /// <summary>Appends one or more '/'-separated segments, validating each.</summary>
    public LakePath Append(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        LakePath tail = Parse(relative);
        if (tail.IsRoot)
        {
            return this;
        }

        return IsRoot ? tail : new LakePath(Value + "/" + tail.Value);
    }

    /// <summary>True when this path equals <paramref name="prefix"/> or lies below it.</summary>
    public bool IsUnder(LakePath prefix) =>
        prefix.IsRoot || Value == prefix.Value || Value.StartsWith(prefix.Value + "/", StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => Value;

    private static void ValidateSegment(string segment, string path)
    {
        if (segment.Length == 0 || segment == "." || segment == "..")
        {
            throw new ArgumentException($"Invalid lake path '{path}': empty, '.' or '..' segment.", nameof(path));
        }

        foreach (char c in segment)
        {
            if (c == '\\' || char.IsControl(c))
            {
                throw new ArgumentException($"Invalid lake path '{path}': segment '{segment}' contains '\\' or a control character.", nameof(path));
            }
        }
    }
}
