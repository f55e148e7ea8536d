namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// The values of one column for a run of rows: one typed array chosen by <see cref="ParquetColumn.Storage"/>
/// (value i belongs to row i; entries at null rows hold the default) plus an optional validity array.
/// </summary>
public sealed class ColumnBuffer
{
    private int _nullCount = -1;

    private ColumnBuffer(ParquetColumn column, Array values, bool[]? validity, int length)
    {
        Column = column;
        Values = values;
        Validity = validity;
        Length = length;
    }

    /// <summary>The column.</summary>
    public ParquetColumn Column { get; }

    /// <summary>Number of rows.</summary>
    public int Length { get; }

    /// <summary>Per-row presence (true = value present); null when every row has a value.</summary>
    public bool[]? Validity { get; }

    /// <summary>The typed values array (at least <see cref="Length"/> long).</summary>
    public Array Values { get; }

    /// <summary>Values of a <see cref="ColumnStorage.Boolean"/> column.</summary>
    public bool[]? Booleans => Values as bool[];

    /// <summary>Values of a <see cref="ColumnStorage.Int32"/> column.</summary>
    public int[]? Int32s => Values as int[];

    /// <summary>Values of a <see cref="ColumnStorage.Int64"/> column.</summary>
    public long[]? Int64s => Values as long[];

    /// <summary>Values of a <see cref="ColumnStorage.Float"/> column.</summary>
    public float[]? Floats => Values as float[];

    /// <summary>Values of a <see cref="ColumnStorage.Double"/> column.</summary>
    public double[]? Doubles => Values as double[];

    /// <summary>Values of a <see cref="ColumnStorage.String"/> column (null entries are nulls).</summary>
    public string?[]? Strings => Values as string?[];

    /// <summary>Values of a <see cref="ColumnStorage.Binary"/> column (null entries are nulls).</summary>
    public byte[]?[]? Binaries => Values as byte[]?[];

    /// <summary>Number of null rows.</summary>
    public int NullCount
    {
        get
        {
            if (_nullCount < 0)
            {
                int n = 0;
                for (int i = 0; i < Length; i++)
                {
                    n += IsNull(i) ? 1 : 0;
                }

                _nullCount = n;
            }

            return _nullCount;
        }
    }

    /// <summary>Whether row <paramref name="row"/> is null.</summary>
    public bool IsNull(int row) => Validity is not null
        ? !Validity[row]
        : Values is object?[] refs && refs[row] is null;

    /// <summary>Wraps existing arrays (no copy). The array type must match the column's storage.</summary>
    /// <param name="column">The column.</param>
    /// <param name="values">bool[], int[], long[], float[], double[], string[] or byte[][] as <see cref="ParquetColumn.Storage"/> requires.</param>
    /// <param name="validity">Per-row presence, or null when every row has a value (null strings/binaries are still nulls).</param>
    /// <param name="length">Number of rows (default: the values array length).</param>
    public static ColumnBuffer Create(ParquetColumn column, Array values, bool[]? validity = null, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(values);
        Type expected = ArrayType(column.Storage);
        if (values.GetType() != expected)
        {
            throw new ArgumentException($"column '{column.Name}' ({column.Kind}) needs {expected.Name} values, got {values.GetType().Name}", nameof(values));
        }

        int n = length ?? values.Length;
        if (n < 0 || n > values.Length || (validity is not null && validity.Length < n))
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"column '{column.Name}': length {n} exceeds the values ({values.Length}) or validity arrays");
        }

        if (validity is not null && !column.Nullable)
        {
            throw new ArgumentException($"column '{column.Name}' is REQUIRED but a validity array was given", nameof(validity));
        }

        return new ColumnBuffer(column, values, validity, n);
    }

    /// <summary>
    /// Allocates a buffer of <paramref name="length"/> rows. Value-type arrays are not zeroed: the decoder
    /// writes every row (values at non-null rows, the default at null rows).
    /// </summary>
    internal static ColumnBuffer Allocate(ParquetColumn column, int length, bool[]? validity)
    {
        Array values = column.Storage switch
        {
            ColumnStorage.Int32 => GC.AllocateUninitializedArray<int>(length),
            ColumnStorage.Int64 => GC.AllocateUninitializedArray<long>(length),
            ColumnStorage.Float => GC.AllocateUninitializedArray<float>(length),
            ColumnStorage.Double => GC.AllocateUninitializedArray<double>(length),
            ColumnStorage.Boolean => new bool[length],
            ColumnStorage.String => new string[length],
            _ => new byte[length][],
        };
        return new ColumnBuffer(column, values, validity, length);
    }

    /// <summary>What <see cref="Allocate"/> takes for <paramref name="length"/> rows (values array, and validity when nullable), in bytes.</summary>
    internal static long AllocationBytes(ParquetColumn column, long length) =>
        ParquetReadBudget.ArrayBytes(length, ElementSize(column.Storage)) + (column.Nullable ? ParquetReadBudget.ArrayBytes(length, 1) : 0);

    /// <summary>Bytes per element of the values array (references for strings and binaries).</summary>
    internal static int ElementSize(ColumnStorage storage) => storage switch
    {
        ColumnStorage.Boolean => 1,
        ColumnStorage.Int32 or ColumnStorage.Float => 4,
        _ => 8,
    };

    internal static Type ArrayType(ColumnStorage storage) => storage switch
    {
        ColumnStorage.Boolean => typeof(bool[]),
        ColumnStorage.Int32 => typeof(int[]),
        ColumnStorage.Int64 => typeof(long[]),
        ColumnStorage.Float => typeof(float[]),
        ColumnStorage.Double => typeof(double[]),
        ColumnStorage.String => typeof(string[]),
        _ => typeof(byte[][]),
    };
}
