namespace QuantFunctions.Lake.Parquet;

/// <summary>The decoded (projected) columns of one row group.</summary>
public sealed class RowGroupBatch
{
    /// <summary>Creates the batch; every column must have <paramref name="rowCount"/> rows.</summary>
    public RowGroupBatch(int rowGroupIndex, int rowCount, IReadOnlyList<ColumnBuffer> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (ColumnBuffer c in columns)
        {
            if (c.Length != rowCount)
            {
                throw new ArgumentException($"column '{c.Column.Name}' has {c.Length} rows, the batch {rowCount}", nameof(columns));
            }
        }

        RowGroupIndex = rowGroupIndex;
        RowCount = rowCount;
        Columns = columns;
    }

    /// <summary>Index of the row group in the file (-1 for batches built by callers).</summary>
    public int RowGroupIndex { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The columns, in projection order.</summary>
    public IReadOnlyList<ColumnBuffer> Columns { get; }

    /// <summary>The column named <paramref name="name"/>.</summary>
    public ColumnBuffer Column(string name)
    {
        foreach (ColumnBuffer c in Columns)
        {
            if (string.Equals(c.Column.Name, name, StringComparison.Ordinal))
            {
                return c;
            }
        }

        throw new KeyNotFoundException($"no column '{name}' in the batch");
    }
}
