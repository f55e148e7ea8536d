namespace QuantFunctions.Lake.Parquet;

/// <summary>Maps Thrift schema elements to <see cref="ParquetColumn"/>s and back (FORMAT-NOTES §4, §7).</summary>
internal static class ParquetSchemaMapping
{
    /// <summary>Builds the flat schema; rejects nested schemas with <see cref="ParquetNotSupportedException"/>.</summary>
    public static ParquetSchema FromThrift(List<ThriftSchemaElement> elements, string? file)
    {
        if (elements.Count == 0)
        {
            throw new ParquetFormatException("the schema is empty", file);
        }

        ThriftSchemaElement root = elements[0];
        int children = root.NumChildren ?? 0;
        var columns = new List<ParquetColumn>(Math.Max(elements.Count - 1, 0));
        for (int i = 1; i < elements.Count; i++)
        {
            ThriftSchemaElement e = elements[i];
            if ((e.NumChildren ?? 0) > 0 || e.Type is null || e.Repetition == 2)
            {
                throw new ParquetNotSupportedException("nested schema (groups or repeated fields; only flat tables are supported)", file, e.Name);
            }

            columns.Add(ToColumn(e, file));
        }

        if (children != columns.Count)
        {
            throw new ParquetFormatException($"the schema root declares {children} children but {columns.Count} leaf elements follow", file);
        }

        try
        {
            return new ParquetSchema(columns);
        }
        catch (ArgumentException ex)
        {
            throw new ParquetFormatException(ex.Message, file, inner: ex);
        }
    }

    private static ParquetColumn ToColumn(ThriftSchemaElement e, string? file)
    {
        if (e.Type is < 0 or > 7)
        {
            throw new ParquetFormatException($"unknown physical type {e.Type}", file, column: e.Name);
        }

        var physical = (ParquetPhysicalType)e.Type!.Value;
        bool nullable = e.Repetition == 1;
        int typeLength = e.TypeLength ?? 0;
        if (physical == ParquetPhysicalType.FixedLenByteArray && typeLength is <= 0 or > 1 << 20)
        {
            throw new ParquetFormatException($"FIXED_LEN_BYTE_ARRAY type_length {typeLength} is invalid", file, column: e.Name);
        }

        (ParquetValueKind kind, ParquetTimeUnit unit, bool utc, int bitWidth, bool unsigned) = Classify(e, physical);
        if (!Fits(kind, physical, typeLength))
        {
            kind = Fallback(physical);
        }

        if (kind is not (ParquetValueKind.Time or ParquetValueKind.Timestamp))
        {
            (unit, utc) = (ParquetTimeUnit.Micros, true);
        }

        int precision = e.Logical == LogicalKind.Decimal ? e.LogicalPrecision : e.Precision ?? 0;
        int scale = e.Logical == LogicalKind.Decimal ? e.LogicalScale : e.Scale ?? 0;
        if (kind == ParquetValueKind.Decimal && (scale < 0 || precision < 1 || scale > precision))
        {
            throw new ParquetFormatException($"DECIMAL({precision},{scale}) is invalid", file, column: e.Name);
        }

        return new ParquetColumn(e.Name, kind, nullable)
        {
            PhysicalType = physical,
            TypeLength = typeLength,
            Unit = unit,
            IsAdjustedToUtc = utc,
            IntBitWidth = bitWidth,
            IsUnsigned = unsigned,
            Precision = precision,
            Scale = scale,
        };
    }

    private static (ParquetValueKind, ParquetTimeUnit, bool, int, bool) Classify(ThriftSchemaElement e, ParquetPhysicalType physical)
    {
        var unit = (ParquetTimeUnit)Math.Clamp(e.LogicalUnit, 1, 3);
        switch (e.Logical)
        {
            case LogicalKind.String or LogicalKind.Enum or LogicalKind.Json: return (ParquetValueKind.String, default, false, 0, false);
            case LogicalKind.Decimal: return (ParquetValueKind.Decimal, default, false, 0, false);
            case LogicalKind.Date: return (ParquetValueKind.Date, default, false, 0, false);
            case LogicalKind.Time: return (ParquetValueKind.Time, unit, e.LogicalUtc, 0, false);
            case LogicalKind.Timestamp: return (ParquetValueKind.Timestamp, unit, e.LogicalUtc, 0, false);
            case LogicalKind.Integer:
                return (e.IntBitWidth == 64 ? ParquetValueKind.Int64 : ParquetValueKind.Int32, default, false, e.IntBitWidth, !e.IntSigned);
            case LogicalKind.Uuid: return (ParquetValueKind.Uuid, default, false, 0, false);
            case LogicalKind.Float16: return (ParquetValueKind.Float16, default, false, 0, false);
            case LogicalKind.Bson or LogicalKind.Unknown or LogicalKind.Other or LogicalKind.Map or LogicalKind.List:
                return (Fallback(physical), default, false, 0, false);
        }

        return e.ConvertedType switch
        {
            0 or 4 or 19 => (ParquetValueKind.String, default, false, 0, false),
            5 => (ParquetValueKind.Decimal, default, false, 0, false),
            6 => (ParquetValueKind.Date, default, false, 0, false),
            7 => (ParquetValueKind.Time, ParquetTimeUnit.Millis, true, 0, false),
            8 => (ParquetValueKind.Time, ParquetTimeUnit.Micros, true, 0, false),
            9 => (ParquetValueKind.Timestamp, ParquetTimeUnit.Millis, true, 0, false),
            10 => (ParquetValueKind.Timestamp, ParquetTimeUnit.Micros, true, 0, false),
            >= 11 and <= 14 => (e.ConvertedType == 14 ? ParquetValueKind.Int64 : ParquetValueKind.Int32, default, false, 8 << (e.ConvertedType.Value - 11), true),
            >= 15 and <= 18 => (e.ConvertedType == 18 ? ParquetValueKind.Int64 : ParquetValueKind.Int32, default, false, 8 << (e.ConvertedType.Value - 15), false),
            _ => physical == ParquetPhysicalType.Int96
                ? (ParquetValueKind.Timestamp, ParquetTimeUnit.Nanos, false, 0, false)
                : (Fallback(physical), default, false, 0, false),
        };
    }

    private static ParquetValueKind Fallback(ParquetPhysicalType physical) => physical switch
    {
        ParquetPhysicalType.Boolean => ParquetValueKind.Boolean,
        ParquetPhysicalType.Int32 => ParquetValueKind.Int32,
        ParquetPhysicalType.Int64 => ParquetValueKind.Int64,
        ParquetPhysicalType.Int96 => ParquetValueKind.Timestamp,
        ParquetPhysicalType.Float => ParquetValueKind.Float,
        ParquetPhysicalType.Double => ParquetValueKind.Double,
        _ => ParquetValueKind.Binary,
    };

    private static bool Fits(ParquetValueKind kind, ParquetPhysicalType p, int typeLength) => kind switch
    {
        ParquetValueKind.String or ParquetValueKind.Binary => p is ParquetPhysicalType.ByteArray or ParquetPhysicalType.FixedLenByteArray,
        ParquetValueKind.Date => p == ParquetPhysicalType.Int32,
        ParquetValueKind.Int32 => p == ParquetPhysicalType.Int32,
        ParquetValueKind.Int64 => p == ParquetPhysicalType.Int64,
        ParquetValueKind.Time => p is ParquetPhysicalType.Int32 or ParquetPhysicalType.Int64,
        ParquetValueKind.Timestamp => p is ParquetPhysicalType.Int64 or ParquetPhysicalType.Int96,
        ParquetValueKind.Decimal => p is ParquetPhysicalType.Int32 or ParquetPhysicalType.Int64 or ParquetPhysicalType.ByteArray or ParquetPhysicalType.FixedLenByteArray,
        ParquetValueKind.Uuid => p == ParquetPhysicalType.FixedLenByteArray && typeLength == 16,
        ParquetValueKind.Float16 => p == ParquetPhysicalType.FixedLenByteArray && typeLength == 2,
        _ => true,
    };

    /// <summary>The schema element a writer emits for a column (LogicalType plus the matching ConvertedType).</summary>
    public static ThriftSchemaElement ToThrift(ParquetColumn c)
    {
        var e = new ThriftSchemaElement
        {
            Name = c.Name,
            Type = (int)c.PhysicalType,
            Repetition = c.Nullable ? 1 : 0,
        };
        switch (c.Kind)
        {
            case ParquetValueKind.String:
                e.Logical = LogicalKind.String;
                e.ConvertedType = 0;
                break;
            case ParquetValueKind.Date:
                e.Logical = LogicalKind.Date;
                e.ConvertedType = 6;
                break;
            case ParquetValueKind.Timestamp:
                e.Logical = LogicalKind.Timestamp;
                e.LogicalUtc = c.IsAdjustedToUtc;
                e.LogicalUnit = (int)c.Unit;
                e.ConvertedType = c.Unit switch { ParquetTimeUnit.Millis => 9, ParquetTimeUnit.Micros => 10, _ => null };
                break;
            case ParquetValueKind.Decimal:
                e.Logical = LogicalKind.Decimal;
                e.LogicalPrecision = c.Precision;
                e.LogicalScale = c.Scale;
                e.ConvertedType = 5;
                e.Precision = c.Precision;
                e.Scale = c.Scale;
                break;
        }

        return e;
    }
}
