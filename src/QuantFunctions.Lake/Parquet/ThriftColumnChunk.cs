using T = QuantFunctions.Lake.Parquet.ThriftCompactReader;

namespace QuantFunctions.Lake.Parquet;

/// <summary>parquet.thrift <c>ColumnChunk</c> with its <c>ColumnMetaData</c> inlined.</summary>
internal sealed class ThriftColumnChunk
{
    public bool HasMetaData { get; set; }
    public string? FilePath { get; set; }
    public int Type { get; set; }
    public List<int> Encodings { get; } = [];
    public List<string> Path { get; } = [];
    public int Codec { get; set; }
    public long NumValues { get; set; }
    public long TotalUncompressedSize { get; set; }
    public long TotalCompressedSize { get; set; }
    public List<KeyValuePair<string, string?>> KeyValues { get; } = [];
    public long DataPageOffset { get; set; }
    public long? IndexPageOffset { get; set; }
    public long? DictionaryPageOffset { get; set; }
    public ThriftStatistics? Statistics { get; set; }

    /// <summary>Where the chunk's first page starts (FORMAT-NOTES §1: a zero dictionary offset means none).</summary>
    public long StartOffset => DictionaryPageOffset is long d && d > 0 && d < DataPageOffset ? d : DataPageOffset;

    public static ThriftColumnChunk Read(ref T r)
    {
        var c = new ThriftColumnChunk();
        r.BeginStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out byte t, out short id))
        {
            switch (id)
            {
                case 1 when t == T.TypeBinary: c.FilePath = r.ReadString(); break;
                case 3 when t == T.TypeStruct: ReadMeta(ref r, c); c.HasMetaData = true; break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct();
        return c;
    }

    private static void ReadMeta(ref T r, ThriftColumnChunk c)
    {
        r.BeginStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out byte t, out short id))
        {
            switch (id)
            {
                case 1 when t == T.TypeI32: c.Type = r.ReadI32(); break;
                case 2 when t == T.TypeList:
                    for (int i = 0, n = r.ReadListHeader(out byte et); i < n; i++)
                    {
                        if (et != T.TypeI32)
                        {
                            throw r.Error("encodings list is not a list of i32");
                        }

                        c.Encodings.Add(r.ReadI32());
                    }

                    break;
                case 3 when t == T.TypeList:
                    for (int i = 0, n = r.ReadListHeader(out byte et); i < n; i++)
                    {
                        if (et != T.TypeBinary)
                        {
                            throw r.Error("path_in_schema is not a list of strings");
                        }

                        c.Path.Add(r.ReadString());
                    }

                    break;
                case 4 when t == T.TypeI32: c.Codec = r.ReadI32(); break;
                case 5 when t == T.TypeI64: c.NumValues = r.ReadI64(); break;
                case 6 when t == T.TypeI64: c.TotalUncompressedSize = r.ReadI64(); break;
                case 7 when t == T.TypeI64: c.TotalCompressedSize = r.ReadI64(); break;
                case 8 when t == T.TypeList: ThriftFileMetaData.ReadKeyValues(ref r, c.KeyValues); break;
                case 9 when t == T.TypeI64: c.DataPageOffset = r.ReadI64(); break;
                case 10 when t == T.TypeI64: c.IndexPageOffset = r.ReadI64(); break;
                case 11 when t == T.TypeI64: c.DictionaryPageOffset = r.ReadI64(); break;
                case 12 when t == T.TypeStruct: c.Statistics = ThriftStatistics.Read(ref r); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct();
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.I64(2, 0);
        w.StructField(3);
        w.I32(1, Type);
        w.ListField(2, T.TypeI32, Encodings.Count);
        foreach (int e in Encodings)
        {
            w.I32Value(e);
        }

        w.ListField(3, T.TypeBinary, Path.Count);
        foreach (string p in Path)
        {
            w.StringValue(p);
        }

        w.I32(4, Codec);
        w.I64(5, NumValues);
        w.I64(6, TotalUncompressedSize);
        w.I64(7, TotalCompressedSize);
        w.I64(9, DataPageOffset);
        w.I64(11, DictionaryPageOffset);
        Statistics?.Write(w, 12);
        w.EndStruct();
        w.EndStruct();
    }
}

/// <summary>parquet.thrift <c>Statistics</c>.</summary>
internal sealed class ThriftStatistics
{
    public byte[]? Max { get; set; }
    public byte[]? Min { get; set; }
    public long? NullCount { get; set; }
    public long? DistinctCount { get; set; }
    public byte[]? MaxValue { get; set; }
    public byte[]? MinValue { get; set; }
    public bool? IsMaxValueExact { get; set; }
    public bool? IsMinValueExact { get; set; }
    public long? NanCount { get; set; }

    public static ThriftStatistics Read(ref T r)
    {
        var s = new ThriftStatistics();
        r.BeginStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out byte t, out short id))
        {
            switch (id)
            {
                case 1 when t == T.TypeBinary: s.Max = r.ReadBinary().ToArray(); break;
                case 2 when t == T.TypeBinary: s.Min = r.ReadBinary().ToArray(); break;
                case 3 when t == T.TypeI64: s.NullCount = r.ReadI64(); break;
                case 4 when t == T.TypeI64: s.DistinctCount = r.ReadI64(); break;
                case 5 when t == T.TypeBinary: s.MaxValue = r.ReadBinary().ToArray(); break;
                case 6 when t == T.TypeBinary: s.MinValue = r.ReadBinary().ToArray(); break;
                case 7 when t is T.TypeTrue or T.TypeFalse: s.IsMaxValueExact = t == T.TypeTrue; break;
                case 8 when t is T.TypeTrue or T.TypeFalse: s.IsMinValueExact = t == T.TypeTrue; break;
                case 9 when t == T.TypeI64: s.NanCount = r.ReadI64(); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct();
        return s;
    }

    public void Write(ThriftCompactWriter w, short field)
    {
        w.StructField(field);
        w.Binary(1, Max);
        w.Binary(2, Min);
        w.I64(3, NullCount);
        w.Binary(5, MaxValue);
        w.Binary(6, MinValue);
        if (MaxValue is not null)
        {
            w.Bool(7, true);
            w.Bool(8, true);
        }

        w.I64(9, NanCount);
        w.EndStruct();
    }
}
