using System.Security.Cryptography;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Fingerprints;

/// <summary>Computes <see cref="DatasetFingerprint"/>s from what a store holds.</summary>
public static class DatasetFingerprinter
{
    /// <summary>
    /// Lists every partition (a folder prefix, or one object), hashes each matched file's content (SHA-256,
    /// streamed) and builds the fingerprint. An empty partition contributes its path and no files.
    /// </summary>
    /// <param name="store">The lake.</param>
    /// <param name="manifestHash">SHA-256 (hex) of the manifest the read is made under.</param>
    /// <param name="schemaVersion">The dataset's schema version.</param>
    /// <param name="partitions">The partitions read.</param>
    /// <param name="cancellationToken">Cancels the listing and hashing.</param>
    /// <exception cref="ArgumentException">The manifest hash is malformed.</exception>
    /// <exception cref="LakeObjectNotFoundException">A listed file vanished before it was hashed.</exception>
    public static async Task<DatasetFingerprint> ComputeAsync(ILakeStore store, string manifestHash, SchemaVersion schemaVersion, IReadOnlyList<LakePath> partitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(partitions);
        var files = new Dictionary<string, FingerprintedFile>(StringComparer.Ordinal);
        foreach (LakePath partition in partitions)
        {
            await foreach (LakeObjectInfo info in store.ListAsync(partition, cancellationToken).ConfigureAwait(false))
            {
                if (!files.ContainsKey(info.Path.Value))
                {
                    files[info.Path.Value] = await HashFileAsync(store, info.Path, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return DatasetFingerprint.Create(manifestHash, schemaVersion, partitions, files.Values);
    }

    /// <summary>Hashes one object: its path, the size read and the SHA-256 of its content.</summary>
    /// <exception cref="LakeObjectNotFoundException">The object does not exist.</exception>
    public static async Task<FingerprintedFile> HashFileAsync(ILakeStore store, LakePath path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        Stream stream = await store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            byte[] buffer = new byte[81920];
            long size = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                size += read;
            }

            return new FingerprintedFile(path, size, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
    }

    /// <summary>SHA-256 (lowercase hex) of a manifest's bytes, for <c>manifest_hash</c>.</summary>
    public static string HashManifest(ReadOnlySpan<byte> manifest) => Convert.ToHexStringLower(SHA256.HashData(manifest));
}
