using System.Text.Json;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet;

/// <summary>A kit ".expected.json" document: column names/kinds, row lines (one per line) and rows_sha256.</summary>
internal sealed record ExpectedDocument(long NumRows, string RowsSha256, IReadOnlyList<(string Name, string Kind)> Columns, IReadOnlyList<string> Rows)
{
    public static ExpectedDocument Load(string path)
    {
        string text = File.ReadAllText(path);
        using JsonDocument doc = JsonDocument.Parse(text);
        JsonElement root = doc.RootElement;
        var columns = new List<(string, string)>();
        foreach (JsonElement c in root.GetProperty("columns").EnumerateArray())
        {
            columns.Add((c.GetProperty("name").GetString()!, c.GetProperty("kind").GetString()!));
        }

        var rows = new List<string>();
        string[] lines = text.Split('\n');
        int i = Array.FindIndex(lines, l => l.StartsWith("\"rows\": [", StringComparison.Ordinal));
        for (int k = i + 1; i >= 0 && k < lines.Length && !lines[k].StartsWith(']'); k++)
        {
            string l = lines[k].TrimEnd('\r');
            rows.Add(l.EndsWith(',') ? l[..^1] : l);
        }

        return new ExpectedDocument(root.GetProperty("num_rows").GetInt64(), root.GetProperty("rows_sha256").GetString()!, columns, rows);
    }

    /// <summary>Reads a whole file with the codec and returns its canonical row lines.</summary>
    public static async Task<(ParquetSchema Schema, List<string> Rows)> ReadCanonicalAsync(string path, ParquetReaderOptions? options = null)
    {
        await using ParquetReader reader = ParquetReader.Open(path, options);
        return (reader.Schema, await CanonicalJson.ReadRowsAsync(reader));
    }
}
