namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// One flat column: name, meaning (<see cref="Kind"/>), nullability and type parameters. Built with the
/// factories (<see cref="Double(string, bool)"/>, <see cref="Timestamp"/>, …) for writing; the reader
/// derives it from the file's schema element.
/// </summary>
public sealed record ParquetColumn
{
    private readonly ParquetPhysicalType? _physicalType;

    /// <summary>Creates a column; prefer the factories.</summary>
    public ParquetColumn(string name, ParquetValueKind kind, bool nullable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Kind = kind;
        Nullable = nullable;
    }

    /// <summary>Column name (the leaf's path in a flat schema).</summary>
    public string Name { get; }

    /// <summary>What the values mean.</summary>
    public ParquetValueKind Kind { get; }

    /// <summary>OPTIONAL (true) or REQUIRED (false).</summary>
    public bool Nullable { get; }

    /// <summary>Physical type; by default derived from <see cref="Kind"/> and <see cref="Precision"/>.</summary>
    public ParquetPhysicalType PhysicalType
    {
        get => _physicalType ?? DefaultPhysical();
        init => _physicalType = value;
    }

    /// <summary>Unit of TIME/TIMESTAMP columns.</summary>
    public ParquetTimeUnit Unit { get; init; } = ParquetTimeUnit.Micros;

    /// <summary>TIME/TIMESTAMP: an instant normalised to UTC (true) or a local date-time (false).</summary>
    public bool IsAdjustedToUtc { get; init; } = true;

    /// <summary>DECIMAL precision (total digits).</summary>
    public int Precision { get; init; }

    /// <summary>DECIMAL scale (fraction digits).</summary>
    public int Scale { get; init; }

    /// <summary>Byte length of FIXED_LEN_BYTE_ARRAY values.</summary>
    public int TypeLength { get; init; }

    /// <summary>Integer bit width (8, 16, 32, 64) when annotated; 0 when not.</summary>
    public int IntBitWidth { get; init; }

    /// <summary>Unsigned integer annotation (UINT_*).</summary>
    public bool IsUnsigned { get; init; }

    /// <summary>Which <see cref="ColumnBuffer"/> array holds the values.</summary>
    public ColumnStorage Storage => Kind switch
    {
        ParquetValueKind.Boolean => ColumnStorage.Boolean,
        ParquetValueKind.String => ColumnStorage.String,
        ParquetValueKind.Float or ParquetValueKind.Float16 => ColumnStorage.Float,
        ParquetValueKind.Double => ColumnStorage.Double,
        ParquetValueKind.Binary or ParquetValueKind.Uuid => ColumnStorage.Binary,
        _ => PhysicalType switch
        {
            ParquetPhysicalType.Int32 => ColumnStorage.Int32,
            ParquetPhysicalType.Int64 => ColumnStorage.Int64,
            _ => ColumnStorage.Binary,
        },
    };

    /// <summary>Equal when every public property is equal (the physical type compared as resolved).</summary>
    public bool Equals(ParquetColumn? other) =>
        other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal) && Kind == other.Kind && Nullable == other.Nullable
        && PhysicalType == other.PhysicalType && Unit == other.Unit && IsAdjustedToUtc == other.IsAdjustedToUtc && Precision == other.Precision
        && Scale == other.Scale && TypeLength == other.TypeLength && IntBitWidth == other.IntBitWidth && IsUnsigned == other.IsUnsigned;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Kind, Nullable, PhysicalType, Unit, Precision, Scale);

    /// <summary>A BOOLEAN column.</summary>
    public static ParquetColumn Boolean(string name, bool nullable = false) => new(name, ParquetValueKind.Boolean, nullable);

    /// <summary>An INT32 column.</summary>
    public static ParquetColumn Int32(string name, bool nullable = false) => new(name, ParquetValueKind.Int32, nullable);

    /// <summary>An INT64 column.</summary>
    public static ParquetColumn Int64(string name, bool nullable = false) => new(name, ParquetValueKind.Int64, nullable);

    /// <summary>A FLOAT column.</summary>
    public static ParquetColumn Float(string name, bool nullable = false) => new(name, ParquetValueKind.Float, nullable);

    /// <summary>A DOUBLE column.</summary>
    public static ParquetColumn Double(string name, bool nullable = false) => new(name, ParquetValueKind.Double, nullable);

    /// <summary>A UTF-8 string column (BYTE_ARRAY + STRING).</summary>
    public static ParquetColumn String(string name, bool nullable = false) => new(name, ParquetValueKind.String, nullable);

    /// <summary>An unannotated BYTE_ARRAY column.</summary>
    public static ParquetColumn Binary(string name, bool nullable = false) => new(name, ParquetValueKind.Binary, nullable);

    /// <summary>A DATE column (INT32 days since 1970-01-01).</summary>
    public static ParquetColumn Date(string name, bool nullable = false) => new(name, ParquetValueKind.Date, nullable);

    /// <summary>A TIMESTAMP column (INT64 units since the epoch).</summary>
    public static ParquetColumn Timestamp(string name, ParquetTimeUnit unit = ParquetTimeUnit.Micros, bool isAdjustedToUtc = true, bool nullable = false) =>
        new(name, ParquetValueKind.Timestamp, nullable) { Unit = unit, IsAdjustedToUtc = isAdjustedToUtc };

    /// <summary>A DECIMAL column backed by INT32 (precision ≤ 9) or INT64 (precision ≤ 18).</summary>
    public static ParquetColumn Decimal(string name, int precision, int scale, bool nullable = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(precision, 18);
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, precision);
        return new(name, ParquetValueKind.Decimal, nullable) { Precision = precision, Scale = scale };
    }

    private ParquetPhysicalType DefaultPhysical() => Kind switch
    {
        ParquetValueKind.Boolean => ParquetPhysicalType.Boolean,
        ParquetValueKind.Int32 or ParquetValueKind.Date => ParquetPhysicalType.Int32,
        ParquetValueKind.Int64 or ParquetValueKind.Timestamp => ParquetPhysicalType.Int64,
        ParquetValueKind.Time => Unit == ParquetTimeUnit.Millis ? ParquetPhysicalType.Int32 : ParquetPhysicalType.Int64,
        ParquetValueKind.Float => ParquetPhysicalType.Float,
        ParquetValueKind.Double => ParquetPhysicalType.Double,
        ParquetValueKind.Decimal => Precision <= 9 ? ParquetPhysicalType.Int32 : Precision <= 18 ? ParquetPhysicalType.Int64 : ParquetPhysicalType.FixedLenByteArray,
        ParquetValueKind.Uuid or ParquetValueKind.Float16 => ParquetPhysicalType.FixedLenByteArray,
        _ => ParquetPhysicalType.ByteArray,
    };
}
