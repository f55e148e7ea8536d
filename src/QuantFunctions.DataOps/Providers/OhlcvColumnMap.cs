using QuantFunctions.Lake.Datasets;

namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// Which header names hold each field. A null field is found by its usual names (case-insensitive):
/// date: <c>date, ts, timestamp, time, datetime, open_time</c>; symbol: <c>symbol, ticker</c>;
/// open/high/low/close/volume: their names or <c>o, h, l, c, v</c>. <c>Adj Close</c> is ignored
/// unless mapped (e.g. <c>close=Adj Close</c>).
/// </summary>
public sealed record OhlcvColumnMap
{
    /// <summary>The field names accepted by <see cref="With"/>.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["date", "symbol", "open", "high", "low", "close", "volume"];

    private static readonly string[][] Aliases =
    [
        ["date", "ts", "timestamp", "time", "datetime", "open_time"],
        ["symbol", "ticker"],
        ["open", "o"],
        ["high", "h"],
        ["low", "l"],
        ["close", "c"],
        ["volume", "v", "vol"],
    ];

    private readonly string?[] _names = new string?[7];

    /// <summary>A copy with <paramref name="assignment"/> (<c>field=Header Name</c>) applied.</summary>
    /// <exception cref="ArgumentException">Not <c>field=name</c>, or an unknown field.</exception>
    public OhlcvColumnMap With(string assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        int eq = assignment.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == assignment.Length - 1)
        {
            throw new ArgumentException($"column mapping '{assignment}' is not field=name", nameof(assignment));
        }

        string field = assignment[..eq].Trim().ToLowerInvariant();
        int index = IndexOfField(field);
        if (index < 0)
        {
            throw new ArgumentException($"column mapping '{assignment}': unknown field '{field}' (fields: {string.Join(", ", Fields)})", nameof(assignment));
        }

        var copy = new OhlcvColumnMap();
        Array.Copy(_names, copy._names, _names.Length);
        copy._names[index] = assignment[(eq + 1)..].Trim();
        return copy;
    }

    /// <summary>The mapped header of <paramref name="field"/>, or null when auto-detected.</summary>
    public string? this[string field] => IndexOfField(field) is int i and >= 0 ? _names[i] : null;

    /// <summary>
    /// Column indexes of date, symbol (−1 when <paramref name="needSymbol"/> is false), open, high, low, close, volume in <paramref name="header"/>.
    /// </summary>
    /// <exception cref="DatasetSchemaException">A required field has no column; the message names the source and the header.</exception>
    internal int[] Resolve(IReadOnlyList<string> header, bool needSymbol, string source)
    {
        int[] result = new int[7];
        for (int f = 0; f < 7; f++)
        {
            result[f] = -1;
            if (f == 1 && !needSymbol)
            {
                continue;
            }

            for (int c = 0; c < header.Count && result[f] < 0; c++)
            {
                string h = header[c].Trim();
                if (_names[f] is string mapped ? string.Equals(h, mapped, StringComparison.OrdinalIgnoreCase) : Array.Exists(Aliases[f], a => string.Equals(h, a, StringComparison.OrdinalIgnoreCase)))
                {
                    result[f] = c;
                }
            }

            if (result[f] < 0)
            {
                throw new DatasetSchemaException(
                    $"{source}: no column for '{Fields[f]}' (looked for {(_names[f] is string m ? $"'{m}' (mapped)" : string.Join("/", Aliases[f]))}; header: {string.Join(",", header)}); map it with --map {Fields[f]}=<header>");
            }
        }

        return result;
    }

    private static int IndexOfField(string field)
    {
        for (int i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i], field, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
