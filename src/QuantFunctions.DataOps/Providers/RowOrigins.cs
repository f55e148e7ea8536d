using System.Globalization;

namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// Where each row of a provider's bars (<see cref="ProviderFetch.Bars"/>) came from, for error messages: either explicit texts or, for
/// files, a source name and 1-based line numbers (formatted <c>{source}:{line}</c> only when asked, so a
/// million-row import allocates no origin strings).
/// </summary>
public sealed class RowOrigins
{
    private readonly string[]? _texts;
    private readonly string? _source;
    private readonly int[]? _lines;

    private RowOrigins(string[]? texts, string? source, int[]? lines)
    {
        _texts = texts;
        _source = source;
        _lines = lines;
    }

    /// <summary>An empty list.</summary>
    public static RowOrigins None { get; } = new([], null, null);

    /// <summary>The number of rows.</summary>
    public int Count => _texts?.Length ?? _lines!.Length;

    /// <summary>The origin of row <paramref name="index"/>.</summary>
    public string this[int index] => _texts is not null ? _texts[index] : string.Create(CultureInfo.InvariantCulture, $"{_source}:{_lines![index]}");

    /// <summary>Explicit origin texts (taken as is).</summary>
    public static RowOrigins Of(string[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new(texts, null, null);
    }

    /// <summary>Line numbers within <paramref name="source"/> (taken as is).</summary>
    public static RowOrigins Lines(string source, int[] lines)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(lines);
        return new(null, source, lines);
    }
}
