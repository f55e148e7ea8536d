using System.Security.Cryptography;
using System.Text;
using QuantFunctions.Testing.Lake;
using QuantFunctions.Lake.Fingerprints;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Fingerprints;

public sealed class DatasetFingerprintTests
{
    private static readonly string Manifest = Sha("manifest: demo");
    private static readonly LakePath P2023 = LakePath.Parse("silver/u/p/version=1.0.0/d/year=2023");
    private static readonly LakePath P2024 = LakePath.Parse("silver/u/p/version=1.0.0/d/year=2024");

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static FingerprintedFile File(LakePath partition, int part, string content) =>
        new(partition.Append($"part-{part:D5}.parquet"), Encoding.UTF8.GetByteCount(content), Sha(content));

    [Fact]
    public void Create_KnownParts_HashesDocumentedCanonicalForm()
    {
        FingerprintedFile f = File(P2024, 0, "abc");

        DatasetFingerprint fp = DatasetFingerprint.Create(Manifest, SchemaVersion.V1, [P2024], [f]);

        // Canonical text assembled by hand from the format in the XML docs and docs/lake.md.
        string canonical = "qf.dataset_fingerprint.v1\n" +
            $"manifest\t{Manifest}\n" +
            "schema\tv1\n" +
            "partition\tsilver/u/p/version=1.0.0/d/year=2024\n" +
            $"file\tsilver/u/p/version=1.0.0/d/year=2024/part-00000.parquet\t3\t{Sha("abc")}\n";
        Assert.Equal(Sha(canonical), fp.Hash);
        // SHA-256("abc") from FIPS 180-2, Appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", f.ContentHash);
    }

    [Fact]
    public void Create_AnyListingOrder_SameHash()
    {
        FingerprintedFile[] files = [File(P2023, 0, "a"), File(P2023, 1, "b"), File(P2024, 0, "c")];

        DatasetFingerprint forward = DatasetFingerprint.Create(Manifest, SchemaVersion.V1, [P2023, P2024], files);
        DatasetFingerprint reversed = DatasetFingerprint.Create(Manifest, SchemaVersion.V1, [P2024, P2023, P2023], [files[2], files[0], files[1], files[0]]);

        Assert.Equal(forward.Hash, reversed.Hash);
        Assert.Equal(forward, reversed);
        Assert.Equal([P2023, P2024], reversed.Partitions);
        Assert.Equal(files, reversed.Files);
    }

    [Fact]
    public void Create_AnyChangedPart_ChangesHash()
    {
        FingerprintedFile f = File(P2024, 0, "abc");
        string baseHash = DatasetFingerprint.Create(Manifest, SchemaVersion.V1, [P2024], [f]).Hash;

        string[] variants =
        [
            DatasetFingerprint.Create(Sha("other manifest"), SchemaVersion.V1, [P2024], [f]).Hash,
            DatasetFingerprint.Create(Manifest, SchemaVersion.Create(2), [P2024], [f]).Hash,
            DatasetFingerprint.Create(Manifest, SchemaVersion.V1, [P2024, P2023], [f]).Hash,
            DatasetFingerprint.Create(Manifest, SchemaVersion.V1, [P2024], [f with { Size = 4 }]).Hash,
            DatasetFingerprint.Create(Manifest, SchemaVersion.V1, [P2024], [f with { ContentHash = Sha("abd") }]).Hash,
            DatasetFingerprint.Create(Manifest, SchemaVersion.V1, [P2024], [f with { Path = P2024.Append("part-00001.parquet") }]).Hash,
            DatasetFingerprint.Create(Manifest, SchemaVersion.V1, [P2024], []).Hash,
        ];

        Assert.DoesNotContain(baseHash, variants);
        Assert.Equal(variants.Length, variants.Distinct().Count());
    }

    [Fact]
    public void Create_SamePathDifferentContent_Throws()
    {
        FingerprintedFile f = File(P2024, 0, "abc");

        var e = Assert.Throws<ArgumentException>(() => DatasetFingerprint.Create(Manifest, SchemaVersion.V1, [P2024], [f, f with { ContentHash = Sha("x") }]));

        Assert.Contains(f.Path.Value, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    public void Create_MalformedManifestHash_Throws(string hash)
    {
        Assert.Throws<ArgumentException>(() => DatasetFingerprint.Create(hash, SchemaVersion.V1, [], []));
    }

    [Fact]
    public void IsConsistent_TamperedHash_False()
    {
        DatasetFingerprint fp = DatasetFingerprint.Create(Manifest, SchemaVersion.V1, [P2024], [File(P2024, 0, "abc")]);

        Assert.True(fp.IsConsistent());
        Assert.False((fp with { Hash = Sha("forged") }).IsConsistent());
        Assert.False((fp with { Files = [] }).IsConsistent());
    }

    [Fact]
    public async Task ComputeAsync_StoreContent_MatchesHandBuiltFingerprint()
    {
        var store = new InMemoryLakeStore();
        await store.WriteAsync(P2024.Append("part-00001.parquet"), Encoding.UTF8.GetBytes("second"), LakeWriteMode.CreateOnly);
        await store.WriteAsync(P2024.Append("part-00000.parquet"), Encoding.UTF8.GetBytes("first"), LakeWriteMode.CreateOnly);
        await store.WriteAsync(P2023.Append("part-00000.parquet"), Encoding.UTF8.GetBytes("old"), LakeWriteMode.CreateOnly);

        DatasetFingerprint computed = await DatasetFingerprinter.ComputeAsync(store, Manifest, SchemaVersion.V1, [P2024]);

        DatasetFingerprint expected = DatasetFingerprint.Create(Manifest, SchemaVersion.V1, [P2024], [File(P2024, 0, "first"), File(P2024, 1, "second")]);
        Assert.Equal(expected.Hash, computed.Hash);
        Assert.Equal(expected.Files, computed.Files);
    }

    [Fact]
    public async Task ComputeAsync_ContentRewrittenSameSize_ChangesHash()
    {
        var store = new InMemoryLakeStore();
        LakePath part = P2024.Append("part-00000.parquet");
        await store.WriteAsync(part, Encoding.UTF8.GetBytes("aaaa"), LakeWriteMode.CreateOnly);
        DatasetFingerprint before = await DatasetFingerprinter.ComputeAsync(store, Manifest, SchemaVersion.V1, [P2024]);

        await store.WriteAsync(part, Encoding.UTF8.GetBytes("aaab"), LakeWriteMode.Overwrite);
        DatasetFingerprint after = await DatasetFingerprinter.ComputeAsync(store, Manifest, SchemaVersion.V1, [P2024]);

        Assert.NotEqual(before.Hash, after.Hash);
    }

    [Fact]
    public async Task ComputeAsync_EmptyPartition_RecordedWithoutFiles()
    {
        DatasetFingerprint fp = await DatasetFingerprinter.ComputeAsync(new InMemoryLakeStore(), Manifest, SchemaVersion.V1, [P2023]);

        Assert.Equal([P2023], fp.Partitions);
        Assert.Empty(fp.Files);
        Assert.NotEqual(DatasetFingerprint.Create(Manifest, SchemaVersion.V1, [], []).Hash, fp.Hash);
    }
}
