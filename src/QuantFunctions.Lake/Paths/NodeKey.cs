namespace QuantFunctions.Lake.Paths;

/// <summary>
/// A DAG node key: a dotted node id (<c>alpha.allocate</c>, segments of <c>[a-z0-9_]</c>) with an optional
/// <c>for_each</c> instance in brackets (<c>alpha.allocate[crypto_long]</c>, instance of <c>[a-z0-9_.-]</c>).
/// </summary>
/// <remarks>
/// In paths the key is encoded as one segment by replacing the bracketed instance with <c>@instance</c>:
/// <c>alpha.allocate[crypto_long]</c> ↔ <c>alpha.allocate@crypto_long</c>. The encoding is reversible because
/// '@', '[' and ']' are not allowed anywhere else in a key, and it is safe on file systems and in blob names.
/// </remarks>
public readonly record struct NodeKey
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 200;

    private NodeKey(string id, string? instance)
    {
        Id = id;
        Instance = instance;
    }

    /// <summary>The node id, e.g. <c>alpha.allocate</c>.</summary>
    public string Id { get; }

    /// <summary>The <c>for_each</c> instance, e.g. <c>crypto_long</c>, or null.</summary>
    public string? Instance { get; }

    /// <summary>The key as written in manifests and logs, e.g. <c>alpha.allocate[crypto_long]</c>.</summary>
    public string Value => Instance is null ? Id ?? string.Empty : $"{Id}[{Instance}]";

    /// <summary>Parses a key such as <c>dataops.returns</c> or <c>alpha.allocate[crypto_long]</c>.</summary>
    /// <exception cref="ArgumentException">The key does not follow the grammar.</exception>
    public static NodeKey Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string id = value;
        string? instance = null;
        int open = value.IndexOf('[', StringComparison.Ordinal);
        if (open >= 0)
        {
            if (!value.EndsWith(']'))
            {
                throw Invalid(value, "an instance must be written as id[instance] at the end of the key");
            }

            id = value[..open];
            instance = value[(open + 1)..^1];
        }

        return Create(id, instance, value);
    }

    /// <summary>Creates a key from its id and optional instance.</summary>
    /// <exception cref="ArgumentException">The id or instance does not follow the grammar.</exception>
    public static NodeKey Create(string id, string? instance = null) =>
        Create(id, instance, instance is null ? id : $"{id}[{instance}]");

    /// <summary>Decodes a path segment produced by <see cref="ToPathSegment"/>.</summary>
    /// <exception cref="ArgumentException">The segment is not an encoded node key.</exception>
    public static NodeKey FromPathSegment(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        int at = segment.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? Create(segment, null, segment) : Create(segment[..at], segment[(at + 1)..], segment);
    }

    /// <summary>The key encoded as one path segment, e.g. <c>alpha.allocate@crypto_long</c>.</summary>
    public string ToPathSegment() => Instance is null ? Id : $"{Id}@{Instance}";


    /// <inheritdoc/>
    public override string ToString() => Value;

    private static NodeKey Create(string id, string? instance, string original)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (original.Length > MaxLength)
        {
            throw Invalid(original, $"longer than {MaxLength} characters");
        }

        if (id.Length == 0 || id.StartsWith('.') || id.EndsWith('.') || id.Contains("..", StringComparison.Ordinal))
        {
            throw Invalid(original, "the node id must be dot-separated segments of [a-z0-9_]");
        }

        foreach (char c in id)
        {
            if (!LakeIdentifier.IsIdentifierChar(c) && c != '.')
            {
                throw Invalid(original, $"character '{c}' is not allowed in a node id ([a-z0-9_] and '.')");
            }
        }

        if (instance is not null)
        {
            if (instance.Length == 0 || instance[0] is '.' or '-')
            {
                throw Invalid(original, "the instance must be non-empty and start with [a-z0-9_]");
            }

            foreach (char c in instance)
            {
                if (!LakeIdentifier.IsIdentifierChar(c) && c is not ('.' or '-'))
                {
                    throw Invalid(original, $"character '{c}' is not allowed in an instance ([a-z0-9_.-])");
                }
            }
        }

        return new NodeKey(id, instance);
    }

    private static ArgumentException Invalid(string value, string reason) =>
        new($"Invalid node key '{value}': {reason}.", nameof(value));
}
