using System.Globalization;
using nietras.SeparatedValues;

namespace QuantFunctions.Lake.Csv;

/// <summary>One row of a <see cref="CsvReader"/>: field access by 0-based column, no allocation for numbers.</summary>
public readonly ref struct CsvRow
{
    private readonly SepReader.Row _row;

    internal CsvRow(SepReader.Row row) => _row = row;

    /// <summary>The 1-based line the row starts on.</summary>
    public int Line => _row.LineNumberFrom;

    /// <summary>The number of fields.</summary>
    public int Count => _row.ColCount;

    /// <summary>The row's text as in the file, without its line end.</summary>
    public ReadOnlySpan<char> RawText => _row.Span;

    /// <summary>The field's characters, without surrounding quotes (doubled quotes inside are left as they are) and trimmed.</summary>
    public ReadOnlySpan<char> Cell(int column)
    {
        ReadOnlySpan<char> s = _row[column].Span;
        if (s.Length >= 2 && s[0] == '"')
        {
            s = s[1..^1];
        }

        return s.Trim();
    }

    /// <summary>The field's text, unquoted and unescaped (not trimmed).</summary>
    public string Text(int column)
    {
        ReadOnlySpan<char> s = _row[column].Span;
        return s.Length >= 2 && s[0] == '"' ? s[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : s.ToString();
    }

    /// <summary>
    /// Parses the field as a double (invariant culture; Sep's csFastFloat path for plain fields). An empty
    /// field, <c>NaN</c> or <c>null</c> (any case) is missing: <see cref="double.NaN"/>.
    /// </summary>
    /// <returns>False when the field is not a number; <paramref name="value"/> may be infinite (callers decide).</returns>
    public bool TryNumber(int column, out double value)
    {
        SepReader.Col col = _row[column];
        ReadOnlySpan<char> raw = col.Span;
        if (raw.Length > 0 && raw[0] is not ('"' or ' ' or '\t') && col.TryParse(out value))
        {
            return true;
        }

        ReadOnlySpan<char> cell = Cell(column);
        if (cell.IsEmpty || cell.Equals("NaN", StringComparison.OrdinalIgnoreCase) || cell.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
