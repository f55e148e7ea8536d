using T = QuantFunctions.Lake.Parquet.ThriftCompactReader;

namespace QuantFunctions.Lake.Parquet;

/// <summary>parquet.thrift <c>PageHeader</c> with its data (V1/V2) and dictionary headers flattened.</summary>
internal sealed class ThriftPageHeader
{
    public const int DataPage = 0, IndexPage = 1, DictionaryPage = 2, DataPageV2 = 3;

    public int Type { get; set; } = -1;
    public int UncompressedSize { get; set; } = -1;
    public int CompressedSize { get; set; } = -1;
    public int? Crc { get; set; }
    public bool HasDataHeader { get; set; }
    public int NumValues { get; set; }
    public int Encoding { get; set; }
    public int DefinitionLevelEncoding { get; set; } = 3;
    public int NumNulls { get; set; }
    public int NumRows { get; set; }
    public int DefinitionLevelsByteLength { get; set; }
    public int RepetitionLevelsByteLength { get; set; }
    public bool IsCompressed { get; set; } = true;

    public static ThriftPageHeader Read(ref T r)
    {
        var h = new ThriftPageHeader();
        r.BeginStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out byte t, out short id))
        {
            switch (id)
            {
                case 1 when t == T.TypeI32: h.Type = r.ReadI32(); break;
                case 2 when t == T.TypeI32: h.UncompressedSize = r.ReadI32(); break;
                case 3 when t == T.TypeI32: h.CompressedSize = r.ReadI32(); break;
                case 4 when t == T.TypeI32: h.Crc = r.ReadI32(); break;
                case 5 or 7 or 8 when t == T.TypeStruct: ReadInner(ref r, h, id); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct();
        if (h.Type < 0 || h.UncompressedSize < 0 || h.CompressedSize < 0)
        {
            throw r.Error("PageHeader lacks type or has a negative page size");
        }

        return h;
    }

    private static void ReadInner(ref T r, ThriftPageHeader h, short kind)
    {
        h.HasDataHeader = true;
        r.BeginStruct();
        short last = 0;
        while (r.ReadFieldHeader(ref last, out byte t, out short id))
        {
            switch (kind, id)
            {
                case (_, 1) when t == T.TypeI32: h.NumValues = r.ReadI32(); break;
                case (5 or 7, 2) when t == T.TypeI32: h.Encoding = r.ReadI32(); break;
                case (5, 3) when t == T.TypeI32: h.DefinitionLevelEncoding = r.ReadI32(); break;
                case (8, 2) when t == T.TypeI32: h.NumNulls = r.ReadI32(); break;
                case (8, 3) when t == T.TypeI32: h.NumRows = r.ReadI32(); break;
                case (8, 4) when t == T.TypeI32: h.Encoding = r.ReadI32(); break;
                case (8, 5) when t == T.TypeI32: h.DefinitionLevelsByteLength = r.ReadI32(); break;
                case (8, 6) when t == T.TypeI32: h.RepetitionLevelsByteLength = r.ReadI32(); break;
                case (8, 7) when t is T.TypeTrue or T.TypeFalse: h.IsCompressed = t == T.TypeTrue; break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct();
        if (h.NumValues < 0 || h.NumNulls < 0 || h.DefinitionLevelsByteLength < 0 || h.RepetitionLevelsByteLength < 0)
        {
            throw r.Error("page header declares a negative count or length");
        }
    }

    /// <summary>Writes a DATA_PAGE (V1) or DICTIONARY_PAGE header.</summary>
    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.I32(1, Type);
        w.I32(2, UncompressedSize);
        w.I32(3, CompressedSize);
        w.I32(4, Crc);
        if (Type == DictionaryPage)
        {
            w.StructField(7);
            w.I32(1, NumValues);
            w.I32(2, Encoding);
            w.EndStruct();
        }
        else
        {
            w.StructField(5);
            w.I32(1, NumValues);
            w.I32(2, Encoding);
            w.I32(3, 3);
            w.I32(4, 3);
            w.EndStruct();
        }

        w.EndStruct();
    }
}
