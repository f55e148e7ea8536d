using System.Buffers.Binary;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet.Fuzzing;

/// <summary>
/// A Parquet file taken apart into its footer and pages, to be edited and put back together: the layout (chunk
/// offsets and sizes in the footer) is recomputed from the pages, page CRCs are recomputed over the edited bodies,
/// and a footer edit can be applied after the layout (to make the footer lie). For structure-aware fuzzing and
/// hand-built hostile files.
/// </summary>
internal sealed class ParquetFileModel
{
    private ParquetFileModel(ThriftFileMetaData meta, List<ParquetPage>[][] chunks)
    {
        Meta = meta;
        Chunks = chunks;
    }

    public ThriftFileMetaData Meta { get; }

    /// <summary>Pages by row group, then column.</summary>
    public List<ParquetPage>[][] Chunks { get; }

    public ParquetCodec Codec(int rowGroup, int column) => (ParquetCodec)Meta.RowGroups[rowGroup].Columns[column].Codec;

    public static ParquetFileModel Parse(byte[] file)
    {
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        long footerStart = file.Length - 8 - footerLength;
        var reader = new ThriftCompactReader(file.AsSpan((int)footerStart, footerLength), footerStart);
        ThriftFileMetaData meta = ThriftFileMetaData.Read(ref reader);
        var chunks = new List<ParquetPage>[meta.RowGroups.Count][];
        for (int g = 0; g < chunks.Length; g++)
        {
            List<ThriftColumnChunk> columns = meta.RowGroups[g].Columns;
            chunks[g] = new List<ParquetPage>[columns.Count];
            for (int c = 0; c < columns.Count; c++)
            {
                ReadOnlySpan<byte> chunk = file.AsSpan((int)columns[c].StartOffset, (int)columns[c].TotalCompressedSize);
                var pages = new List<ParquetPage>();
                int pos = 0;
                while (pos < chunk.Length)
                {
                    var r = new ThriftCompactReader(chunk[pos..], pos);
                    ThriftPageHeader h = ThriftPageHeader.Read(ref r);
                    pos += r.Position;
                    pages.Add(new ParquetPage(h, chunk.Slice(pos, h.CompressedSize).ToArray()));
                    pos += h.CompressedSize;
                }

                chunks[g][c] = pages;
            }
        }

        return new ParquetFileModel(meta, chunks);
    }

    /// <summary>A deep copy (pages and footer), so one parsed file can seed many mutations.</summary>
    public ParquetFileModel Clone() => Parse(ToBytes());

    /// <summary>Lays the pages out and writes the file.</summary>
    /// <param name="recomputeCrc">Recompute the CRC of every page that has one (false: keep the stored values).</param>
    /// <param name="keepSizes">Keep each header's compressed size as set (true) instead of the body length.</param>
    /// <param name="editFooter">Applied to the footer after the layout, before it is written.</param>
    public byte[] ToBytes(bool recomputeCrc = true, bool keepSizes = false, Action<ThriftFileMetaData>? editFooter = null)
    {
        using var output = new MemoryStream();
        output.Write("PAR1"u8);
        for (int g = 0; g < Chunks.Length; g++)
        {
            for (int c = 0; c < Chunks[g].Length; c++)
            {
                ThriftColumnChunk meta = Meta.RowGroups[g].Columns[c];
                long start = output.Position;
                long uncompressed = 0;
                meta.DictionaryPageOffset = null;
                meta.DataPageOffset = start;
                bool sawData = false;
                foreach (ParquetPage page in Chunks[g][c])
                {
                    if (page.Header.Type == ThriftPageHeader.DictionaryPage && !sawData)
                    {
                        meta.DictionaryPageOffset = output.Position;
                    }
                    else if (page.IsData && !sawData)
                    {
                        meta.DataPageOffset = output.Position;
                        sawData = true;
                    }

                    if (!keepSizes)
                    {
                        page.Header.CompressedSize = page.Body.Length;
                    }

                    if (recomputeCrc && page.Header.Crc is not null)
                    {
                        page.Header.Crc = unchecked((int)Crc32.Compute(page.Body));
                    }

                    byte[] header = PageHeaderWriter.Write(page.Header);
                    output.Write(header);
                    output.Write(page.Body);
                    uncompressed += header.Length + (long)page.Header.UncompressedSize;
                }

                meta.TotalCompressedSize = output.Position - start;
                meta.TotalUncompressedSize = uncompressed;
            }
        }

        editFooter?.Invoke(Meta);
        var w = new ThriftCompactWriter();
        Meta.Write(w);
        output.Write(w.WrittenSpan);
        Span<byte> tail = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, w.Length);
        "PAR1"u8.CopyTo(tail[4..]);
        output.Write(tail);
        return output.ToArray();
    }

    /// <summary>The page's uncompressed content (the whole body; for V2 pages the level sections stay uncompressed).</summary>
    public byte[] Inflate(int rowGroup, int column, ParquetPage page)
    {
        ParquetCodec codec = Codec(rowGroup, column);
        int levels = LevelBytes(page);
        if (codec == ParquetCodec.Uncompressed || (page.Header.Type == ThriftPageHeader.DataPageV2 && (!page.Header.IsCompressed || page.Body.Length == levels)))
        {
            return page.Body;
        }

        byte[] plain = new byte[page.Header.UncompressedSize];
        page.Body.AsSpan(0, levels).CopyTo(plain);
        ParquetCompression.Decompress(codec, page.Body.AsSpan(levels), plain.AsSpan(levels), 0, 0);
        return plain;
    }

    /// <summary>Replaces the page's content with <paramref name="plain"/> (compressed with the chunk's codec) and fixes its sizes.</summary>
    public void Deflate(int rowGroup, int column, ParquetPage page, byte[] plain)
    {
        ParquetCodec codec = Codec(rowGroup, column);
        int levels = Math.Min(LevelBytes(page), plain.Length);
        page.Header.UncompressedSize = plain.Length;
        if (codec == ParquetCodec.Uncompressed || (page.Header.Type == ThriftPageHeader.DataPageV2 && !page.Header.IsCompressed))
        {
            page.Body = plain;
            return;
        }

        using var packed = new ByteBuffer();
        int n = ParquetCompression.Compress(codec, plain.AsSpan(levels), packed, compressionLevel: 1);
        page.Body = [.. plain.AsSpan(0, levels), .. packed.WrittenSpan[..n]];
    }

    private static int LevelBytes(ParquetPage page) =>
        page.Header.Type == ThriftPageHeader.DataPageV2 ? page.Header.DefinitionLevelsByteLength + page.Header.RepetitionLevelsByteLength : 0;
}
