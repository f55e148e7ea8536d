using T = QuantFunctions.Lake.Parquet.ThriftCompactReader;

namespace QuantFunctions.Lake.Parquet;

/// <summary>parquet.thrift <c>FileMetaData</c> (the fields a flat reader/writer uses; others are skipped).</summary>
internal sealed class ThriftFileMetaData
{
    public int Version { get; set; } = 1;
    public List<ThriftSchemaElement> Schema { get; } = [];
    public long NumRows { get; set; }
    public List<ThriftRowGroup> RowGroups { get; } = [];
    public List<KeyValuePair<string, string?>> KeyValues { get; } = [];
    public string? CreatedBy { get; set; }
    public List<int> ColumnOrders { get; } = [];

    public static ThriftFileMetaData Read(ref T r)
    {
        var m = new ThriftFileMetaData();
        int seen = 0;
        r.BeginStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out byte t, out short id))
        {
            switch (id)
            {
                case 1 when t == T.TypeI32: m.Version = r.ReadI32(); seen |= 1; break;
                case 2 when t == T.TypeList:
                    for (int i = 0, n = StructList(ref r); i < n; i++)
                    {
                        m.Schema.Add(ThriftSchemaElement.Read(ref r));
                    }

                    seen |= 2;
                    break;
                case 3 when t == T.TypeI64: m.NumRows = r.ReadI64(); seen |= 4; break;
                case 4 when t == T.TypeList:
                    for (int i = 0, n = StructList(ref r); i < n; i++)
                    {
                        m.RowGroups.Add(ThriftRowGroup.Read(ref r));
                    }

                    seen |= 8;
                    break;
                case 5 when t == T.TypeList: ReadKeyValues(ref r, m.KeyValues); break;
                case 6 when t == T.TypeBinary: m.CreatedBy = r.ReadString(); break;
                case 7 when t == T.TypeList:
                    for (int i = 0, n = StructList(ref r); i < n; i++)
                    {
                        m.ColumnOrders.Add(ReadUnionId(ref r));
                    }

                    break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct();
        if (seen != 15)
        {
            throw r.Error("FileMetaData lacks a required field (version, schema, num_rows or row_groups)");
        }

        return m;
    }

    internal static int StructList(ref T r)
    {
        int n = r.ReadListHeader(out byte et);
        if (et != T.TypeStruct)
        {
            throw r.Error($"expected a list of structs, found element type {et}");
        }

        return n;
    }

    internal static void ReadKeyValues(ref T r, List<KeyValuePair<string, string?>> into)
    {
        for (int i = 0, n = StructList(ref r); i < n; i++)
        {
            string? key = null, value = null;
            r.BeginStruct();
            short last = 0;
            while (r.ReadFieldHeader(ref last, out byte t, out short id))
            {
                switch (id)
                {
                    case 1 when t == T.TypeBinary: key = r.ReadString(); break;
                    case 2 when t == T.TypeBinary: value = r.ReadString(); break;
                    default: r.Skip(t); break;
                }
            }

            r.EndStruct();
            into.Add(new(key ?? throw r.Error("KeyValue without a key"), value));
        }
    }

    private static int ReadUnionId(ref T r)
    {
        int kind = 0;
        r.BeginStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out byte t, out short id))
        {
            kind = id;
            r.Skip(t);
        }

        r.EndStruct();
        return kind;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.I32(1, Version);
        w.ListField(2, T.TypeStruct, Schema.Count);
        foreach (ThriftSchemaElement e in Schema)
        {
            e.Write(w);
        }

        w.I64(3, NumRows);
        w.ListField(4, T.TypeStruct, RowGroups.Count);
        foreach (ThriftRowGroup g in RowGroups)
        {
            g.Write(w);
        }

        if (KeyValues.Count > 0)
        {
            WriteKeyValues(w, 5, KeyValues);
        }

        if (CreatedBy is not null)
        {
            w.String(6, CreatedBy);
        }

        if (ColumnOrders.Count > 0)
        {
            w.ListField(7, T.TypeStruct, ColumnOrders.Count);
            foreach (int order in ColumnOrders)
            {
                w.BeginStruct();
                w.StructField((short)order);
                w.EndStruct();
                w.EndStruct();
            }
        }

        w.EndStruct();
    }

    internal static void WriteKeyValues(ThriftCompactWriter w, short field, List<KeyValuePair<string, string?>> kvs)
    {
        w.ListField(field, T.TypeStruct, kvs.Count);
        foreach (KeyValuePair<string, string?> kv in kvs)
        {
            w.BeginStruct();
            w.String(1, kv.Key);
            if (kv.Value is not null)
            {
                w.String(2, kv.Value);
            }

            w.EndStruct();
        }
    }
}

/// <summary>parquet.thrift <c>RowGroup</c>.</summary>
internal sealed class ThriftRowGroup
{
    public List<ThriftColumnChunk> Columns { get; } = [];
    public long TotalByteSize { get; set; }
    public long NumRows { get; set; }
    public long? FileOffset { get; set; }
    public long? TotalCompressedSize { get; set; }
    public short? Ordinal { get; set; }
    public List<(int Column, bool Descending, bool NullsFirst)> SortingColumns { get; } = [];

    public static ThriftRowGroup Read(ref T r)
    {
        var g = new ThriftRowGroup();
        bool hasRows = false;
        r.BeginStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out byte t, out short id))
        {
            switch (id)
            {
                case 1 when t == T.TypeList:
                    for (int i = 0, n = ThriftFileMetaData.StructList(ref r); i < n; i++)
                    {
                        g.Columns.Add(ThriftColumnChunk.Read(ref r));
                    }

                    break;
                case 2 when t == T.TypeI64: g.TotalByteSize = r.ReadI64(); break;
                case 3 when t == T.TypeI64: g.NumRows = r.ReadI64(); hasRows = true; break;
                case 4 when t == T.TypeList: ReadSorting(ref r, g); break;
                case 5 when t == T.TypeI64: g.FileOffset = r.ReadI64(); break;
                case 6 when t == T.TypeI64: g.TotalCompressedSize = r.ReadI64(); break;
                case 7 when t == T.TypeI16: g.Ordinal = r.ReadI16(); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct();
        if (!hasRows || g.NumRows < 0)
        {
            throw r.Error("RowGroup without a valid num_rows");
        }

        return g;
    }

    private static void ReadSorting(ref T r, ThriftRowGroup g)
    {
        for (int i = 0, n = ThriftFileMetaData.StructList(ref r); i < n; i++)
        {
            int col = 0;
            bool desc = false, nullsFirst = false;
            r.BeginStruct();
            short last = 0;
            while (r.ReadFieldHeader(ref last, out byte t, out short id))
            {
                switch (id)
                {
                    case 1 when t == T.TypeI32: col = r.ReadI32(); break;
                    case 2 when t is T.TypeTrue or T.TypeFalse: desc = t == T.TypeTrue; break;
                    case 3 when t is T.TypeTrue or T.TypeFalse: nullsFirst = t == T.TypeTrue; break;
                    default: r.Skip(t); break;
                }
            }

            r.EndStruct();
            g.SortingColumns.Add((col, desc, nullsFirst));
        }
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.ListField(1, T.TypeStruct, Columns.Count);
        foreach (ThriftColumnChunk c in Columns)
        {
            c.Write(w);
        }

        w.I64(2, TotalByteSize);
        w.I64(3, NumRows);
        w.I64(5, FileOffset);
        w.I64(6, TotalCompressedSize);
        if (Ordinal is short ord)
        {
            w.FieldHeader(7, T.TypeI16);
            w.I32Value(ord);
        }

        w.EndStruct();
    }
}
