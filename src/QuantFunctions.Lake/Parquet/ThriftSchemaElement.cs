using T = QuantFunctions.Lake.Parquet.ThriftCompactReader;

namespace QuantFunctions.Lake.Parquet;

/// <summary>Logical type union member ids of parquet.thrift <c>LogicalType</c>.</summary>
internal enum LogicalKind
{
    None = 0, String = 1, Map = 2, List = 3, Enum = 4, Decimal = 5, Date = 6, Time = 7, Timestamp = 8,
    Integer = 10, Unknown = 11, Json = 12, Bson = 13, Uuid = 14, Float16 = 15, Other = 99,
}

/// <summary>parquet.thrift <c>SchemaElement</c> with its LogicalType flattened.</summary>
internal sealed class ThriftSchemaElement
{
    public int? Type { get; set; }
    public int? TypeLength { get; set; }
    public int? Repetition { get; set; }
    public string Name { get; set; } = "";
    public int? NumChildren { get; set; }
    public int? ConvertedType { get; set; }
    public int? Scale { get; set; }
    public int? Precision { get; set; }
    public int? FieldId { get; set; }
    public LogicalKind Logical { get; set; }
    public int LogicalScale { get; set; }
    public int LogicalPrecision { get; set; }
    public bool LogicalUtc { get; set; }
    public int LogicalUnit { get; set; }
    public int IntBitWidth { get; set; }
    public bool IntSigned { get; set; }

    public static ThriftSchemaElement Read(ref T r)
    {
        var e = new ThriftSchemaElement();
        bool hasName = false;
        r.BeginStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out byte t, out short id))
        {
            switch (id)
            {
                case 1 when t == T.TypeI32: e.Type = r.ReadI32(); break;
                case 2 when t == T.TypeI32: e.TypeLength = r.ReadI32(); break;
                case 3 when t == T.TypeI32: e.Repetition = r.ReadI32(); break;
                case 4 when t == T.TypeBinary: e.Name = r.ReadString(); hasName = true; break;
                case 5 when t == T.TypeI32: e.NumChildren = r.ReadI32(); break;
                case 6 when t == T.TypeI32: e.ConvertedType = r.ReadI32(); break;
                case 7 when t == T.TypeI32: e.Scale = r.ReadI32(); break;
                case 8 when t == T.TypeI32: e.Precision = r.ReadI32(); break;
                case 9 when t == T.TypeI32: e.FieldId = r.ReadI32(); break;
                case 10 when t == T.TypeStruct: ReadLogical(ref r, e); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct();
        if (!hasName)
        {
            throw r.Error("SchemaElement without a name");
        }

        return e;
    }

    private static void ReadLogical(ref T r, ThriftSchemaElement e)
    {
        r.BeginStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out byte t, out short id))
        {
            if (t != T.TypeStruct)
            {
                r.Skip(t);
                continue;
            }

            switch (id)
            {
                case 5:
                    e.Logical = LogicalKind.Decimal;
                    ReadInner(ref r, e, id);
                    break;
                case 7 or 8:
                    e.Logical = id == 7 ? LogicalKind.Time : LogicalKind.Timestamp;
                    ReadInner(ref r, e, id);
                    break;
                case 10:
                    e.Logical = LogicalKind.Integer;
                    ReadInner(ref r, e, id);
                    break;
                case 1 or 2 or 3 or 4 or 6 or 11 or 12 or 13 or 14 or 15:
                    e.Logical = (LogicalKind)id;
                    r.Skip(t);
                    break;
                default:
                    e.Logical = LogicalKind.Other;
                    r.Skip(t);
                    break;
            }
        }

        r.EndStruct();
    }

    private static void ReadInner(ref T r, ThriftSchemaElement e, short kind)
    {
        r.BeginStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out byte t, out short id))
        {
            switch (kind, id)
            {
                case (5, 1) when t == T.TypeI32: e.LogicalScale = r.ReadI32(); break;
                case (5, 2) when t == T.TypeI32: e.LogicalPrecision = r.ReadI32(); break;
                case (7 or 8, 1) when t is T.TypeTrue or T.TypeFalse: e.LogicalUtc = t == T.TypeTrue; break;
                case (7 or 8, 2) when t == T.TypeStruct: e.LogicalUnit = ReadUnit(ref r); break;
                case (10, 1) when t == T.TypeByte: e.IntBitWidth = (sbyte)r.ReadRawByte(); break;
                case (10, 2) when t is T.TypeTrue or T.TypeFalse: e.IntSigned = t == T.TypeTrue; break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct();
    }

    private static int ReadUnit(ref T r)
    {
        int unit = 0;
        r.BeginStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out byte t, out short id))
        {
            if (t == T.TypeStruct && id is >= 1 and <= 3)
            {
                unit = id;
            }

            r.Skip(t);
        }

        r.EndStruct();
        return unit;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.I32(1, Type);
        w.I32(2, TypeLength);
        w.I32(3, Repetition);
        w.String(4, Name);
        w.I32(5, NumChildren);
        w.I32(6, ConvertedType);
        w.I32(7, Scale);
        w.I32(8, Precision);
        if (Logical != LogicalKind.None)
        {
            WriteLogical(w);
        }

        w.EndStruct();
    }

    private void WriteLogical(ThriftCompactWriter w)
    {
        w.StructField(10);
        w.StructField((short)Logical);
        switch (Logical)
        {
            case LogicalKind.Decimal:
                w.I32(1, LogicalScale);
                w.I32(2, LogicalPrecision);
                break;
            case LogicalKind.Time or LogicalKind.Timestamp:
                w.Bool(1, LogicalUtc);
                w.StructField(2);
                w.StructField((short)LogicalUnit);
                w.EndStruct();
                w.EndStruct();
                break;
        }

        w.EndStruct();
        w.EndStruct();
    }
}
