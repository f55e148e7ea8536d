using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet.Fuzzing;

/// <summary>
/// Seeded, structure-aware mutations of a Parquet file. Except for <see cref="FuzzMutation.RawBytes"/>, every mutation
/// is applied to the parsed file and the file is laid out again with page CRCs recomputed, so the mutation reaches
/// the page-header checks and the decoders instead of stopping at a CRC mismatch.
/// </summary>
internal sealed class ParquetMutator(Random rng)
{
    private static readonly int[] Interesting = [0, 1, 2, 3, 7, 8, 9, 15, 16, 31, 32, 63, 64, 127, 128, 255, 256, 1023, 1024, 4096, 65_535, 65_536,
        1 << 20, 1 << 24, 1 << 26, (1 << 26) + 1, 1 << 28, 1 << 30, int.MaxValue - 1, int.MaxValue];

    public (byte[] File, FuzzMutation Kind, string How) Mutate(byte[] seed)
    {
        int roll = rng.Next(100);
        FuzzMutation kind = roll switch
        {
            < 10 => FuzzMutation.RawBytes,
            < 45 => FuzzMutation.PageContent,
            < 70 => FuzzMutation.PageHeader,
            < 90 => FuzzMutation.Footer,
            _ => FuzzMutation.Hostile,
        };
        if (kind == FuzzMutation.RawBytes)
        {
            return (RawBytes(seed, out string raw), kind, raw);
        }

        ParquetFileModel model = ParquetFileModel.Parse(seed);
        string how;
        byte[] file;
        switch (kind)
        {
            case FuzzMutation.PageContent:
                how = PageContent(model);
                file = model.ToBytes();
                break;
            case FuzzMutation.PageHeader:
                bool keepSizes = PageHeader(model, out how);
                file = model.ToBytes(keepSizes: keepSizes);
                break;
            case FuzzMutation.Footer:
                Action<ThriftFileMetaData> edit = Footer(model, out how);
                file = model.ToBytes(editFooter: edit);
                break;
            default:
                how = Hostile(model);
                file = model.ToBytes();
                break;
        }

        return (file, kind, how);
    }

    private byte[] RawBytes(byte[] seed, out string how)
    {
        byte[] data = (byte[])seed.Clone();
        if (rng.Next(4) == 0)
        {
            int len = rng.Next(data.Length);
            how = $"truncate to {len}";
            return data[..len];
        }

        int changes = 1 + rng.Next(3);
        how = $"{changes} raw byte change(s)";
        for (int i = 0; i < changes; i++)
        {
            int pos = rng.Next(data.Length);
            data[pos] = rng.Next(2) == 0 ? (byte)(data[pos] ^ (1 << rng.Next(8))) : (byte)rng.Next(256);
            how += $" @{pos}";
        }

        return data;
    }

    /// <summary>Mutates a page's uncompressed content (recompressed, sizes and CRC fixed): bytes the decoders see.</summary>
    private string PageContent(ParquetFileModel model)
    {
        (int g, int c, ParquetPage page) = PickPage(model, dataOnly: false);
        byte[] plain = model.Inflate(g, c, page);
        var bytes = new List<byte>(plain);
        int op = rng.Next(5);
        int count = 1 + rng.Next(4);
        for (int i = 0; i < count && (bytes.Count > 0 || op == 2); i++)
        {
            int pos = bytes.Count == 0 ? 0 : rng.Next(bytes.Count);
            switch (op)
            {
                case 0: bytes[pos] ^= (byte)(1 << rng.Next(8)); break;
                case 1: bytes[pos] = (byte)Interesting[rng.Next(Interesting.Length)]; break;
                case 2: bytes.Insert(pos, (byte)rng.Next(256)); break;
                case 3: bytes.RemoveRange(pos, Math.Min(bytes.Count - pos, 1 + rng.Next(8))); break;
                default: bytes.AddRange(bytes.GetRange(pos, Math.Min(bytes.Count - pos, 1 + rng.Next(16)))); break;
            }
        }

        model.Deflate(g, c, page, [.. bytes]);
        return $"page content op {op} ×{count} in rg {g} col {c} ({PageName(page)})";
    }

    /// <returns>Whether the header's compressed size was set (and must not be recomputed from the body).</returns>
    private bool PageHeader(ParquetFileModel model, out string how)
    {
        (int g, int c, ParquetPage page) = PickPage(model, dataOnly: false);
        ThriftPageHeader h = page.Header;
        int field = rng.Next(13);
        int value = Value(field switch { 0 => h.UncompressedSize, 1 => h.CompressedSize, 2 => h.NumValues, 5 => h.NumNulls, 6 => h.NumRows, 7 => h.DefinitionLevelsByteLength, _ => 0 });
        switch (field)
        {
            case 0: h.UncompressedSize = value; break;
            case 1: h.CompressedSize = value; break;
            case 2: h.NumValues = value; break;
            case 3: h.Encoding = rng.Next(12); value = h.Encoding; break;
            case 4: h.DefinitionLevelEncoding = rng.Next(6); value = h.DefinitionLevelEncoding; break;
            case 5: h.NumNulls = value; break;
            case 6: h.NumRows = value; break;
            case 7: h.DefinitionLevelsByteLength = value; break;
            case 8: h.RepetitionLevelsByteLength = Math.Min(value, 64); value = h.RepetitionLevelsByteLength; break;
            case 9: h.Type = rng.Next(5); value = h.Type; break;
            case 10: h.IsCompressed = !h.IsCompressed; break;
            case 11: h.HasDataHeader = false; break;
            default: h.Crc = h.Crc is null ? rng.Next() : null; break;
        }

        how = $"page header field {field} = {value} in rg {g} col {c} ({PageName(page)})";
        return field == 1;
    }

    private Action<ThriftFileMetaData> Footer(ParquetFileModel model, out string how)
    {
        int g = rng.Next(model.Meta.RowGroups.Count);
        int c = rng.Next(model.Meta.RowGroups[g].Columns.Count);
        int field = rng.Next(12);
        ThriftColumnChunk chunk = model.Meta.RowGroups[g].Columns[c];
        ThriftSchemaElement element = model.Meta.Schema[1 + c];
        int value = Value(field switch { 0 or 1 or 2 => (int)model.Meta.RowGroups[g].NumRows, 5 => (int)chunk.TotalCompressedSize, 8 => element.TypeLength ?? 0, _ => 0 });
        how = $"footer field {field} = {value} at rg {g} col {c}";
        return meta =>
        {
            ThriftRowGroup group = meta.RowGroups[g];
            ThriftColumnChunk ch = group.Columns[c];
            switch (field)
            {
                case 0: group.NumRows = value; break;
                case 1: ch.NumValues = value; break;
                case 2:
                    // A consistent lie: the whole row group and file declare the count.
                    group.NumRows = value;
                    meta.NumRows = value;
                    group.Columns.ForEach(x => x.NumValues = value);
                    break;
                case 3: ch.Codec = rng.Next(9); break;
                case 4: ch.Type = rng.Next(8); break;
                case 5: ch.TotalCompressedSize = value; break;
                case 6: ch.DataPageOffset += rng.Next(-16, 17); break;
                case 7: ch.DictionaryPageOffset = rng.Next(2) == 0 ? null : ch.DataPageOffset - rng.Next(1, 64); break;
                case 8: meta.Schema[1 + c].TypeLength = value; break;
                case 9: meta.Schema[1 + c].Type = rng.Next(8); break;
                case 10: meta.Schema[1 + c].Repetition = rng.Next(3); break;
                default: meta.Schema[1 + c].ConvertedType = rng.Next(25); break;
            }
        };
    }

    /// <summary>The hostile shapes, at random sizes: DELTA_BYTE_ARRAY expansion, a dictionary or page declaring far more than it holds.</summary>
    private string Hostile(ParquetFileModel model)
    {
        (int g, int c, ParquetPage page) = PickPage(model, dataOnly: true);
        int n = page.Header.NumValues;
        switch (rng.Next(3))
        {
            case 0:
                // Each value reuses the whole previous one: n values of up to n bytes.
                long[] prefixes = new long[n];
                var suffixes = new byte[n][];
                long previous = 0;
                for (int i = 0; i < n; i++)
                {
                    prefixes[i] = previous;
                    suffixes[i] = new byte[1 + rng.Next(257)];
                    previous += suffixes[i].Length;
                }

                page.Header.Encoding = 7;
                page.Header.Type = ThriftPageHeader.DataPage;
                page.Header.DefinitionLevelEncoding = 3;
                model.Deflate(g, c, page, DeltaEncoder.ByteArray(prefixes, suffixes));
                return $"DELTA_BYTE_ARRAY expansion over {n} values in rg {g} col {c}";
            case 1:
                int declared = Interesting[rng.Next(Interesting.Length)];
                page.Header.UncompressedSize = declared;
                return $"declared uncompressed size {declared} in rg {g} col {c}";
            default:
                ParquetPage? dictionary = model.Chunks[g][c].FirstOrDefault(p => p.Header.Type == ThriftPageHeader.DictionaryPage);
                ParquetPage target = dictionary ?? page;
                target.Header.NumValues = Interesting[rng.Next(Interesting.Length)];
                return $"{PageName(target)} declaring {target.Header.NumValues} values in rg {g} col {c}";
        }
    }

    private (int RowGroup, int Column, ParquetPage Page) PickPage(ParquetFileModel model, bool dataOnly)
    {
        while (true)
        {
            int g = rng.Next(model.Chunks.Length);
            int c = rng.Next(model.Chunks[g].Length);
            List<ParquetPage> pages = model.Chunks[g][c];
            if (pages.Count == 0)
            {
                continue;
            }

            ParquetPage page = pages[rng.Next(pages.Count)];
            if (!dataOnly || page.IsData)
            {
                return (g, c, page);
            }
        }
    }

    /// <summary>A boundary value, the original nudged, or a random one.</summary>
    private int Value(int original) => rng.Next(4) switch
    {
        0 => Interesting[rng.Next(Interesting.Length)],
        1 => Math.Max(0, original + rng.Next(-3, 4)),
        2 => original > int.MaxValue / 2 ? int.MaxValue : Math.Max(1, original) * 2,
        _ => rng.Next(),
    };

    private static string PageName(ParquetPage page) => page.Header.Type switch
    {
        ThriftPageHeader.DictionaryPage => "dictionary page",
        ThriftPageHeader.DataPageV2 => "V2 data page",
        ThriftPageHeader.DataPage => "V1 data page",
        _ => $"page type {page.Header.Type}",
    };
}
