using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Fingerprints;

/// <summary>
/// What a run read from one dataset, reduced to a SHA-256: the manifest hash, the schema version, the
/// partitions read and the files matched (path, size, content hash). Two fingerprints are equal when their
/// <see cref="Hash"/> is; the order in which a store listed partitions or files does not matter.
/// </summary>
/// <remarks>
/// Canonical form hashed (UTF-8, '\t'-separated, each line ending in '\n'; partitions and files sorted by
/// path, ordinal, duplicates removed):
/// <code>
/// qf.dataset_fingerprint.v1
/// manifest	{manifest hash}
/// schema	v1
/// partition	{path}          (one per partition)
/// file	{path}	{size}	{sha256}   (one per file)
/// </code>
/// Lake paths cannot contain tabs or newlines, so the form is unambiguous.
/// </remarks>
public sealed record DatasetFingerprint
{
    private const string Header = "qf.dataset_fingerprint.v1";

    /// <summary>SHA-256 of the canonical form, lowercase hex.</summary>
    public required string Hash { get; init; }

    /// <summary>SHA-256 of the manifest the read was made under, lowercase hex.</summary>
    public required string ManifestHash { get; init; }

    /// <summary>The dataset's schema version.</summary>
    public required SchemaVersion SchemaVersion { get; init; }

    /// <summary>The partitions read, sorted by path (ordinal).</summary>
    public required IReadOnlyList<LakePath> Partitions { get; init; }

    /// <summary>The files matched, sorted by path (ordinal).</summary>
    public required IReadOnlyList<FingerprintedFile> Files { get; init; }

    /// <summary>Builds the fingerprint from its parts, in any order.</summary>
    /// <exception cref="ArgumentException">A hash is not 64 lowercase hex characters, a size is negative, or one path is given with two different sizes or hashes.</exception>
    public static DatasetFingerprint Create(string manifestHash, SchemaVersion schemaVersion, IEnumerable<LakePath> partitions, IEnumerable<FingerprintedFile> files)
    {
        EnsureSha256(manifestHash, "manifest hash");
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(files);
        if (schemaVersion.Number < 1)
        {
            throw new ArgumentException("The schema version must be set (v1 or later).", nameof(schemaVersion));
        }

        var partitionSet = new SortedSet<string>(StringComparer.Ordinal);
        foreach (LakePath partition in partitions)
        {
            partitionSet.Add(partition.Value);
        }

        var fileMap = new SortedDictionary<string, FingerprintedFile>(StringComparer.Ordinal);
        foreach (FingerprintedFile file in files)
        {
            ArgumentNullException.ThrowIfNull(file);
            EnsureSha256(file.ContentHash, $"content hash of '{file.Path}'");
            ArgumentOutOfRangeException.ThrowIfNegative(file.Size);
            if (fileMap.TryGetValue(file.Path.Value, out FingerprintedFile? seen) && seen != file)
            {
                throw new ArgumentException($"File '{file.Path}' was matched twice with different size or content ({seen.Size}/{seen.ContentHash} vs {file.Size}/{file.ContentHash}).", nameof(files));
            }

            fileMap[file.Path.Value] = file;
        }

        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append("manifest\t").Append(manifestHash).Append('\n');
        text.Append("schema\t").Append(schemaVersion.Token).Append('\n');
        var sortedPartitions = new List<LakePath>(partitionSet.Count);
        foreach (string partition in partitionSet)
        {
            text.Append("partition\t").Append(partition).Append('\n');
            sortedPartitions.Add(LakePath.Parse(partition));
        }

        foreach (FingerprintedFile file in fileMap.Values)
        {
            text.Append("file\t").Append(file.Path.Value).Append('\t')
                .Append(file.Size.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(file.ContentHash).Append('\n');
        }

        return new DatasetFingerprint
        {
            Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))),
            ManifestHash = manifestHash,
            SchemaVersion = schemaVersion,
            Partitions = sortedPartitions,
            Files = [.. fileMap.Values],
        };
    }

    /// <summary>True when <see cref="Hash"/> matches the other fields (e.g. after reading a fingerprint back from run.json).</summary>
    public bool IsConsistent() =>
        IsSha256Hex(Hash) && string.Equals(Create(ManifestHash, SchemaVersion, Partitions, Files).Hash, Hash, StringComparison.Ordinal);

    /// <summary>Equal when the hashes are equal.</summary>
    public bool Equals(DatasetFingerprint? other) => other is not null && string.Equals(Hash, other.Hash, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Hash);

    /// <summary>True for 64 lowercase hexadecimal characters (a SHA-256 in hex).</summary>
    public static bool IsSha256Hex(string? value)
    {
        if (value is not { Length: 64 })
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws unless <paramref name="value"/> is a SHA-256 in lowercase hex; <paramref name="what"/> names it in the message.</summary>
    public static void EnsureSha256(string value, string what)
    {
        if (!IsSha256Hex(value))
        {
            throw new ArgumentException($"Invalid {what} '{value}': expected a SHA-256 as 64 lowercase hex characters.", nameof(value));
        }
    }
}
