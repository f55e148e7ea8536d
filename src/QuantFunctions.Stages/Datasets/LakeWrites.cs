using System.Security.Cryptography;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Stages.Datasets;

/// <summary>
/// Create-only writes that make re-running a stage safe: an object is written once; a re-run that
/// would write the same content is a no-op, and one that would write different content fails loudly
/// (outputs are never silently replaced).
/// </summary>
public static class LakeWrites
{
    /// <summary>Writes a table once (compared by content fingerprint on re-runs).</summary>
    /// <exception cref="LakeConflictException">The path holds a different table.</exception>
    public static Task<LakeObjectInfo> WriteTableOnceAsync(ILakeStore lake, LakePath path, LakeTable table, CancellationToken cancellationToken) =>
        WriteTableOnceAsync(lake, path, table, LakeTableStore.ContentFingerprint(table), cancellationToken);

    /// <summary>Writes a table once, given its <see cref="LakeTableStore.ContentFingerprint"/> (computed once by a caller that also names the file by it).</summary>
    /// <exception cref="LakeConflictException">The path holds a different table.</exception>
    public static async Task<LakeObjectInfo> WriteTableOnceAsync(ILakeStore lake, LakePath path, LakeTable table, string contentFingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentException.ThrowIfNullOrEmpty(contentFingerprint);
        try
        {
            var options = new ParquetWriterOptions { Codec = LakeTableStore.DefaultCodec, ContentFingerprint = contentFingerprint };
            return await LakeTableStore.WriteAsync(lake, path, table, LakeWriteMode.CreateOnly, options, cancellationToken);
        }
        catch (LakeConflictException)
        {
            LakeObject existing = await lake.TryReadAsync(path, cancellationToken) ?? throw new LakeObjectNotFoundException(path);
            using ParquetReader reader = ParquetReader.Open(existing.Content, path.Value);
            if (!string.Equals(reader.ContentFingerprint, contentFingerprint, StringComparison.Ordinal))
            {
                throw new LakeConflictException($"{path} already exists with different content (fingerprint {reader.ContentFingerprint}, this run computed {contentFingerprint}); outputs are never overwritten", path);
            }

            return existing.Info;
        }
    }

    /// <summary>Writes bytes once (compared byte for byte on re-runs).</summary>
    /// <exception cref="LakeConflictException">The path holds different bytes.</exception>
    public static async Task<LakeObjectInfo> WriteBytesOnceAsync(ILakeStore lake, LakePath path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lake);
        try
        {
            return await lake.WriteAsync(path, content, LakeWriteMode.CreateOnly, cancellationToken);
        }
        catch (LakeConflictException)
        {
            LakeObject existing = await lake.TryReadAsync(path, cancellationToken) ?? throw new LakeObjectNotFoundException(path);
            if (!existing.Content.Span.SequenceEqual(content.Span))
            {
                throw new LakeConflictException(
                    $"{path} already exists with different content (sha256 {Convert.ToHexStringLower(SHA256.HashData(existing.Content.Span))}); outputs are never overwritten", path);
            }

            return existing.Info;
        }
    }
}
