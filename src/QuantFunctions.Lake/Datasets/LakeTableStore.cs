using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Datasets;

/// <summary>
/// Reads and writes <see cref="LakeTable"/>s as Parquet objects in an <see cref="ILakeStore"/>: one file
/// per write (streamed, one row group in memory at a time), with the schema version and a content
/// fingerprint (SHA-256 over column names, types and values) in the file's key/value metadata.
/// </summary>
public static class LakeTableStore
{
    /// <summary>The schema version written by default.</summary>
    public const string DefaultSchemaVersion = "v1";

    /// <summary>
    /// The lake's default page codec: SNAPPY. Chosen by measurement on demo gold and silver tables (docs/parquet.md,
    /// "Default codec for the lake"): LZ4_RAW reads within noise of it, ZSTD is ~10% smaller but reads 1.4-1.8x slower,
    /// and every engine reads SNAPPY.
    /// </summary>
    public const ParquetCodec DefaultCodec = ParquetCodec.Snappy;

    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> atomically.</summary>
    /// <remarks>
    /// The file's fingerprint is <see cref="ContentFingerprint"/> of the table. A caller that has already computed it
    /// (to name the file, say) passes it in <see cref="ParquetWriterOptions.ContentFingerprint"/> so that the table is not
    /// hashed twice; it must be that value.
    /// </remarks>
    public static Task<LakeObjectInfo> WriteAsync(
        ILakeStore store, LakePath path, LakeTable table, LakeWriteMode mode, ParquetWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(table);
        ParquetWriterOptions effective = (options ?? new ParquetWriterOptions { Codec = DefaultCodec }) with
        {
            SchemaVersion = options?.SchemaVersion ?? DefaultSchemaVersion,
            ContentFingerprint = options?.ContentFingerprint ?? ContentFingerprint(table),
        };

        return store.WriteStreamAsync(path, async (stream, ct) =>
        {
            await using var writer = new ParquetWriter(stream, table.Schema, effective, leaveOpen: true);
            await writer.WriteAsync(table.Columns, ct);
            await writer.CompleteAsync(ct);
        }, mode, cancellationToken);
    }

    /// <summary>Reads one Parquet object whole (all row groups concatenated), optionally projecting columns.</summary>
    /// <exception cref="LakeObjectNotFoundException">The object does not exist.</exception>
    public static Task<LakeTable> ReadAsync(ILakeStore store, LakePath path, IReadOnlyList<string>? columns = null, CancellationToken cancellationToken = default) =>
        ReadPrunedAsync(store, path, predicate: null, stats: null, columns, cancellationToken);

    /// <summary>
    /// Reads one Parquet object, decoding only the row groups whose footer statistics say they may hold a row matching
    /// <paramref name="predicate"/> (conservative: rows inside a decoded group are not filtered; null reads every group).
    /// Decoded and skipped row groups are counted in <paramref name="stats"/>.
    /// </summary>
    /// <exception cref="LakeObjectNotFoundException">The object does not exist.</exception>
    public static async Task<LakeTable> ReadPrunedAsync(
        ILakeStore store, LakePath path, ParquetRangePredicate? predicate, LakeReadStats? stats, IReadOnlyList<string>? columns = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        LakeObject obj = await store.TryReadAsync(path, cancellationToken) ?? throw new LakeObjectNotFoundException(path);
        using ParquetReader reader = ParquetReader.Open(obj.Content, path.Value);
        stats?.AddFile();
        var batches = new List<RowGroupBatch>(reader.RowGroupCount);
        for (int rg = 0; rg < reader.RowGroupCount; rg++)
        {
            if (predicate is not null && !reader.MayMatch(rg, predicate))
            {
                stats?.AddSkipped();
                continue;
            }

            stats?.AddRead();
            batches.Add(reader.ReadRowGroup(rg, columns));
        }

        return Concatenate(path.Value, ProjectedColumns(reader.Schema, columns, path.Value), batches);
    }

    /// <summary>
    /// Reads every <c>.parquet</c> object at or below <paramref name="prefix"/> (ordinal path order) into one table.
    /// </summary>
    /// <exception cref="LakeObjectNotFoundException">No Parquet object under the prefix.</exception>
    /// <exception cref="DatasetSchemaException">The parts do not share one schema.</exception>
    public static Task<(LakeTable Table, IReadOnlyList<LakeObjectInfo> Parts)> ReadDatasetAsync(
        ILakeStore store, LakePath prefix, IReadOnlyList<string>? columns = null, CancellationToken cancellationToken = default) =>
        ReadDatasetPrunedAsync(store, prefix, predicate: null, stats: null, columns, cancellationToken);

    /// <summary>
    /// <see cref="ReadDatasetAsync"/> decoding only the row groups that may match <paramref name="predicate"/>
    /// (see <see cref="ReadPrunedAsync"/>); counts in <paramref name="stats"/>.
    /// </summary>
    /// <exception cref="LakeObjectNotFoundException">No Parquet object under the prefix.</exception>
    /// <exception cref="DatasetSchemaException">The parts do not share one schema.</exception>
    public static async Task<(LakeTable Table, IReadOnlyList<LakeObjectInfo> Parts)> ReadDatasetPrunedAsync(
        ILakeStore store, LakePath prefix, ParquetRangePredicate? predicate, LakeReadStats? stats, IReadOnlyList<string>? columns = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var parts = new List<LakeObjectInfo>();
        await foreach (LakeObjectInfo info in store.ListAsync(prefix, cancellationToken))
        {
            if (info.Path.Name.EndsWith(".parquet", StringComparison.Ordinal))
            {
                parts.Add(info);
            }
        }

        if (parts.Count == 0)
        {
            throw new LakeObjectNotFoundException($"No Parquet files under lake path '{prefix}'");
        }

        var tables = new List<LakeTable>(parts.Count);
        foreach (LakeObjectInfo part in parts)
        {
            tables.Add(await ReadPrunedAsync(store, part.Path, predicate, stats, columns, cancellationToken));
        }

        return (Concatenate(prefix.Value, tables), parts);
    }

    /// <summary>SHA-256 (hex) over column names, kinds and values in row order: equal tables, equal fingerprints.</summary>
    public static string ContentFingerprint(LakeTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> scratch = stackalloc byte[8];
        foreach (ColumnBuffer column in table.Columns)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(column.Column.Name + "\u001f" + column.Column.Kind + "\u001e"));
            if (column.Validity is { } validity)
            {
                hash.AppendData(MemoryMarshal.AsBytes(validity.AsSpan(0, column.Length)));
            }

            switch (column.Values)
            {
                case string?[] strings:
                    AppendStrings(hash, strings.AsSpan(0, column.Length));
                    break;
                case byte[]?[] binaries:
                    for (int i = 0; i < column.Length; i++)
                    {
                        BitConverter.TryWriteBytes(scratch, binaries[i]?.Length ?? -1);
                        hash.AppendData(scratch[..4]);
                        hash.AppendData(binaries[i] ?? []);
                    }

                    break;
                case double[] d: hash.AppendData(MemoryMarshal.AsBytes(d.AsSpan(0, column.Length))); break;
                case float[] f: hash.AppendData(MemoryMarshal.AsBytes(f.AsSpan(0, column.Length))); break;
                case long[] l: hash.AppendData(MemoryMarshal.AsBytes(l.AsSpan(0, column.Length))); break;
                case int[] n: hash.AppendData(MemoryMarshal.AsBytes(n.AsSpan(0, column.Length))); break;
                case bool[] b: hash.AppendData(MemoryMarshal.AsBytes(b.AsSpan(0, column.Length))); break;
                default: throw new NotSupportedException($"column '{column.Column.Name}': unsupported value array {column.Values.GetType().Name}");
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Hashes each string as its length (int32, −1 for null) then its UTF-8 bytes, through one 64 KB buffer: the same
    /// byte stream as appending them one by one (SHA-256 does not depend on how the input is split), without a hash call
    /// per row.
    /// </summary>
    private static void AppendStrings(IncrementalHash hash, ReadOnlySpan<string?> strings)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int used = 0;
            foreach (string? s in strings)
            {
                int max = 4 + (s is null ? 0 : Encoding.UTF8.GetMaxByteCount(s.Length));
                if (used + max > buffer.Length)
                {
                    hash.AppendData(buffer, 0, used);
                    used = 0;
                    if (max > buffer.Length)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(max);
                    }
                }

                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(used), s?.Length ?? -1);
                used += 4;
                if (s is not null)
                {
                    used += Encoding.UTF8.GetBytes(s, buffer.AsSpan(used));
                }
            }

            hash.AppendData(buffer, 0, used);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IReadOnlyList<ParquetColumn> ProjectedColumns(ParquetSchema schema, IReadOnlyList<string>? columns, string name)
    {
        if (columns is null)
        {
            return schema.Columns;
        }

        var result = new List<ParquetColumn>(columns.Count);
        foreach (string c in columns)
        {
            int index = schema.IndexOf(c);
            if (index < 0)
            {
                throw new DatasetSchemaException($"{name}: missing column '{c}'");
            }

            result.Add(schema.Columns[index]);
        }

        return result;
    }

    private static LakeTable Concatenate(string name, IReadOnlyList<ParquetColumn> schema, List<RowGroupBatch> batches)
    {
        var tables = new List<LakeTable>(batches.Count);
        foreach (RowGroupBatch batch in batches)
        {
            tables.Add(new LakeTable(name, batch.Columns));
        }

        if (tables.Count == 0)
        {
            var empty = new ColumnBuffer[schema.Count];
            for (int i = 0; i < schema.Count; i++)
            {
                empty[i] = ColumnBuffer.Allocate(schema[i], 0, schema[i].Nullable ? [] : null);
            }

            return new LakeTable(name, empty);
        }

        return Concatenate(name, tables);
    }

    private static LakeTable Concatenate(string name, List<LakeTable> tables)
    {
        if (tables.Count == 1)
        {
            return new LakeTable(name, tables[0].Columns);
        }

        LakeTable first = tables[0];
        int total = 0;
        foreach (LakeTable t in tables)
        {
            if (t.Columns.Count != first.Columns.Count)
            {
                throw new DatasetSchemaException($"{name}: parts have different column counts ({first.Columns.Count} in {first.Name}, {t.Columns.Count} in {t.Name})");
            }

            for (int c = 0; c < t.Columns.Count; c++)
            {
                if (t.Columns[c].Column != first.Columns[c].Column)
                {
                    throw new DatasetSchemaException($"{name}: column {c} differs between parts ({first.Columns[c].Column.Name} {first.Columns[c].Column.Kind} in {first.Name}, {t.Columns[c].Column.Name} {t.Columns[c].Column.Kind} in {t.Name})");
                }
            }

            total += t.RowCount;
        }

        var columns = new ColumnBuffer[first.Columns.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            ParquetColumn column = first.Columns[c].Column;
            Array values = Array.CreateInstance(first.Columns[c].Values.GetType().GetElementType()!, total);
            bool[]? validity = column.Nullable ? new bool[total] : null;
            int offset = 0;
            foreach (LakeTable t in tables)
            {
                ColumnBuffer part = t.Columns[c];
                Array.Copy(part.Values, 0, values, offset, part.Length);
                if (validity is not null)
                {
                    for (int i = 0; i < part.Length; i++)
                    {
                        validity[offset + i] = !part.IsNull(i);
                    }
                }

                offset += part.Length;
            }

            columns[c] = ColumnBuffer.Create(column, values, validity);
        }

        return new LakeTable(name, columns);
    }
}
