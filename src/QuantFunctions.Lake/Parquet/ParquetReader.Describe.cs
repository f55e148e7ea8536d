namespace QuantFunctions.Lake.Parquet;

/// <summary>The inspection model of the footer.</summary>
public sealed partial class ParquetReader
{
    /// <summary>Describes the footer: schema, row groups, chunks (codec, encodings, sizes, statistics), key/value metadata.</summary>
    public ParquetFileInfo Describe()
    {
        var columns = new List<ParquetColumnInfo>(Schema.Columns.Count);
        for (int i = 0; i < Schema.Columns.Count; i++)
        {
            ThriftSchemaElement e = _meta.Schema[i + 1];
            ParquetColumn c = Schema.Columns[i];
            string? logical = e.Logical switch
            {
                LogicalKind.None => null,
                LogicalKind.Timestamp or LogicalKind.Time => $"{e.Logical.ToString().ToUpperInvariant()}({(ParquetTimeUnit)Math.Clamp(e.LogicalUnit, 1, 3)}, {(e.LogicalUtc ? "UTC" : "local")})",
                LogicalKind.Decimal => $"DECIMAL({e.LogicalPrecision},{e.LogicalScale})",
                LogicalKind.Integer => $"INTEGER({e.IntBitWidth},{(e.IntSigned ? "signed" : "unsigned")})",
                _ => e.Logical.ToString().ToUpperInvariant(),
            };
            columns.Add(new ParquetColumnInfo(c.Name, c.Kind, c.PhysicalType, c.Nullable ? "OPTIONAL" : "REQUIRED", e.ConvertedType, logical, e.TypeLength, e.Precision, e.Scale));
        }

        var groups = new List<ParquetRowGroupInfo>(_meta.RowGroups.Count);
        for (int g = 0; g < _meta.RowGroups.Count; g++)
        {
            ThriftRowGroup rg = _meta.RowGroups[g];
            var chunks = new List<ParquetColumnChunkInfo>(rg.Columns.Count);
            for (int k = 0; k < rg.Columns.Count; k++)
            {
                ThriftColumnChunk ch = rg.Columns[k];
                ParquetColumn c = Schema.Columns[k];
                var encodings = new List<string>(ch.Encodings.Count);
                foreach (int enc in ch.Encodings)
                {
                    encodings.Add(ColumnChunkDecoder.EncodingName(enc));
                }

                ParquetStatisticsInfo? stats = null;
                if (ch.Statistics is { } s)
                {
                    (byte[]? min, byte[]? max) = StatisticsPruning.Bounds(c, s);
                    stats = new ParquetStatisticsInfo(ParquetValueFormatter.FormatBound(c, min), ParquetValueFormatter.FormatBound(c, max),
                        s.NullCount, s.DistinctCount, s.NanCount, s.IsMinValueExact, s.IsMaxValueExact);
                }

                chunks.Add(new ParquetColumnChunkInfo(c.Name, ParquetCompression.Name(ch.Codec), encodings, ch.NumValues, ch.TotalCompressedSize,
                    ch.TotalUncompressedSize, ch.DataPageOffset, ch.DictionaryPageOffset, stats));
            }

            groups.Add(new ParquetRowGroupInfo(g, rg.NumRows, rg.TotalByteSize, rg.TotalCompressedSize, chunks));
        }

        return new ParquetFileInfo(FileName, _length, _meta.Version, _meta.CreatedBy, _meta.NumRows, _length - 8 - _footerStart, columns, groups, _meta.KeyValues);
    }
}
