using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet.Fuzzing;

/// <summary>Writes every field of a <see cref="ThriftPageHeader"/> (V1, V2, dictionary and other page types), unlike the production writer's V1 subset.</summary>
internal static class PageHeaderWriter
{
    public static byte[] Write(ThriftPageHeader h)
    {
        var w = new ThriftCompactWriter();
        w.BeginStruct();
        w.I32(1, h.Type);
        w.I32(2, h.UncompressedSize);
        w.I32(3, h.CompressedSize);
        w.I32(4, h.Crc);
        if (h.HasDataHeader)
        {
            switch (h.Type)
            {
                case ThriftPageHeader.DictionaryPage:
                    w.StructField(7);
                    w.I32(1, h.NumValues);
                    w.I32(2, h.Encoding);
                    w.EndStruct();
                    break;
                case ThriftPageHeader.DataPageV2:
                    w.StructField(8);
                    w.I32(1, h.NumValues);
                    w.I32(2, h.NumNulls);
                    w.I32(3, h.NumRows);
                    w.I32(4, h.Encoding);
                    w.I32(5, h.DefinitionLevelsByteLength);
                    w.I32(6, h.RepetitionLevelsByteLength);
                    w.Bool(7, h.IsCompressed);
                    w.EndStruct();
                    break;
                default:
                    w.StructField(5);
                    w.I32(1, h.NumValues);
                    w.I32(2, h.Encoding);
                    w.I32(3, h.DefinitionLevelEncoding);
                    w.I32(4, 3);
                    w.EndStruct();
                    break;
            }
        }

        w.EndStruct();
        return w.WrittenSpan.ToArray();
    }
}
