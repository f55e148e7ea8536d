namespace QuantFunctions.Lake.Parquet;

/// <summary>A flat Parquet schema: the ordered leaf columns.</summary>
public sealed class ParquetSchema
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates the schema; names must be unique and non-empty.</summary>
    public ParquetSchema(IReadOnlyList<ParquetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _index = new Dictionary<string, int>(columns.Count, StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
        {
            ParquetColumn c = columns[i] ?? throw new ArgumentException($"column {i} is null", nameof(columns));
            if (!_index.TryAdd(c.Name, i))
            {
                throw new ArgumentException($"duplicate column name '{c.Name}'", nameof(columns));
            }
        }

        Columns = [.. columns];
    }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<ParquetColumn> Columns { get; }

    /// <summary>The index of a column, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out int i) ? i : -1;
}
