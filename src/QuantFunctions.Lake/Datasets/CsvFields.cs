namespace QuantFunctions.Lake.Datasets;

/// <summary>Splits one CSV line into field ranges (RFC 4180 quoting within a line; no allocation per field).</summary>
internal static class CsvFields
{
    /// <summary>Fills <paramref name="fields"/> with the ranges of <paramref name="line"/>'s fields (quotes included).</summary>
    /// <exception cref="DatasetSchemaException">An unterminated quote or text after a closing quote.</exception>
    public static void Split(string line, List<Range> fields, string source, int lineNumber)
    {
        fields.Clear();
        int i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                int end = ClosingQuote(line, i, source, lineNumber, fields.Count + 1);
                fields.Add(new Range(i, end + 1));
                i = end + 1;
                if (i == line.Length)
                {
                    return;
                }

                if (line[i] != ',')
                {
                    throw new DatasetSchemaException($"{source}:{lineNumber}:{fields.Count}: text after the closing quote");
                }

                i++;
                continue;
            }

            int comma = line.IndexOf(',', i);
            if (comma < 0)
            {
                fields.Add(new Range(i, line.Length));
                return;
            }

            fields.Add(new Range(i, comma));
            i = comma + 1;
        }
    }

    /// <summary>The field's characters without its surrounding quotes (doubled quotes inside are left as they are).</summary>
    public static ReadOnlySpan<char> Span(string line, Range field)
    {
        ReadOnlySpan<char> s = line.AsSpan()[field];
        return s.Length >= 2 && s[0] == '"' ? s[1..^1] : s;
    }

    /// <summary>The field's text, unquoted and unescaped.</summary>
    public static string Text(string line, Range field)
    {
        ReadOnlySpan<char> s = line.AsSpan()[field];
        return s.Length >= 2 && s[0] == '"' ? s[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : s.ToString();
    }

    private static int ClosingQuote(string line, int open, string source, int lineNumber, int column)
    {
        int j = open + 1;
        while (true)
        {
            int q = line.IndexOf('"', j);
            if (q < 0)
            {
                throw new DatasetSchemaException($"{source}:{lineNumber}:{column}: unterminated quote (fields may not span lines)");
            }

            if (q + 1 < line.Length && line[q + 1] == '"')
            {
                j = q + 2;
                continue;
            }

            return q;
        }
    }
}
