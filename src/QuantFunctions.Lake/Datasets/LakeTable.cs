using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Datasets;

/// <summary>
/// An in-memory columnar table (a Parquet schema and one <see cref="ColumnBuffer"/> per column, all of
/// equal length), read from or written to the lake. Typed accessors name the dataset and column on error.
/// </summary>
public sealed class LakeTable
{
    /// <summary>Creates a table; every column must have the same length as the first.</summary>
    /// <param name="name">What the table is (a dataset name or path), used in error messages.</param>
    /// <param name="columns">The columns in schema order.</param>
    public LakeTable(string name, IReadOnlyList<ColumnBuffer> columns)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(columns);
        Name = name;
        Columns = columns;
        RowCount = columns.Count == 0 ? 0 : columns[0].Length;
        var parquetColumns = new ParquetColumn[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length != RowCount)
            {
                throw new ArgumentException($"table '{name}': column '{columns[i].Column.Name}' has {columns[i].Length} rows, expected {RowCount}", nameof(columns));
            }

            parquetColumns[i] = columns[i].Column;
        }

        Schema = new ParquetSchema(parquetColumns);
    }

    /// <summary>The table's name (dataset or path) for messages.</summary>
    public string Name { get; }

    /// <summary>The schema.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>The columns in schema order.</summary>
    public IReadOnlyList<ColumnBuffer> Columns { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>A column by name.</summary>
    /// <exception cref="DatasetSchemaException">No such column.</exception>
    public ColumnBuffer Column(string name)
    {
        int index = Schema.IndexOf(name);
        if (index < 0)
        {
            throw new DatasetSchemaException($"{Name}: missing column '{name}' (has: {string.Join(", ", ColumnNames())})");
        }

        return Columns[index];
    }

    /// <summary>A required DOUBLE column's values.</summary>
    public double[] Doubles(string name) => Typed<double[]>(name, ParquetValueKind.Double);

    /// <summary>A required STRING column's values.</summary>
    public string[] Strings(string name) => Typed<string[]>(name, ParquetValueKind.String);

    /// <summary>A required INT64 column's values.</summary>
    public long[] Int64s(string name) => Typed<long[]>(name, ParquetValueKind.Int64);

    /// <summary>A required INT32 column's values.</summary>
    public int[] Int32s(string name) => Typed<int[]>(name, ParquetValueKind.Int32);

    /// <summary>A required DATE column as days since 1970-01-01.</summary>
    public int[] DateDays(string name) => Typed<int[]>(name, ParquetValueKind.Date);

    /// <summary>A required TIMESTAMP (UTC) column as raw units since the epoch.</summary>
    public long[] Timestamps(string name) => Typed<long[]>(name, ParquetValueKind.Timestamp);

    private T Typed<T>(string name, ParquetValueKind kind)
        where T : class
    {
        ColumnBuffer column = Column(name);
        if (column.Column.Kind != kind)
        {
            throw new DatasetSchemaException($"{Name}: column '{name}' is {column.Column.Kind}, expected {kind}");
        }

        if (column.NullCount > 0)
        {
            throw new DatasetSchemaException($"{Name}: column '{name}' has {column.NullCount} null values where none are allowed");
        }

        return (T)(object)column.Values;
    }

    private List<string> ColumnNames()
    {
        var names = new List<string>(Columns.Count);
        foreach (ColumnBuffer c in Columns)
        {
            names.Add(c.Column.Name);
        }

        return names;
    }
}
