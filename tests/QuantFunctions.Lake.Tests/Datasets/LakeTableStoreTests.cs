using System.Security.Cryptography;
using System.Text;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Datasets;

public sealed class LakeTableStoreTests
{
    [Fact]
    public void ContentFingerprint_StringColumn_HashesNameKindLengthAndUtf8()
    {
        var column = new ParquetColumn("symbol", ParquetValueKind.String, nullable: true);
        string long300 = new('x', 300);
        string?[] values = ["BTC", null, "é€😀", string.Empty, long300];
        var table = new LakeTable("t", [ColumnBuffer.Create(column, values)]);

        // The layout, built by hand: "name\u001fKind\u001e", then per row the string's length in UTF-16 code units
        // as a little-endian int32 (−1 for null) followed by its UTF-8 bytes ("é€😀" is 1 + 1 + 2 = 4 code units).
        var expected = new List<byte>(Encoding.UTF8.GetBytes("symbol\u001fString\u001e"));
        foreach ((int length, string text) in new[] { (3, "BTC"), (-1, string.Empty), (4, "é€😀"), (0, string.Empty), (300, long300) })
        {
            expected.AddRange(BitConverter.GetBytes(length));
            expected.AddRange(Encoding.UTF8.GetBytes(text));
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. expected])), LakeTableStore.ContentFingerprint(table));
    }

    [Fact]
    public void ContentFingerprint_ManyAndHugeStrings_SameLayoutAcrossBufferBoundaries()
    {
        // 40,000 rows of 1–40 characters (about 1 MB of UTF-8, many 64 KB chunks), a null every 7th row and one
        // 200,000-character string (larger than one chunk) in the middle: the hash must equal the hand-built layout.
        var column = new ParquetColumn("symbol", ParquetValueKind.String, nullable: true);
        string?[] values = new string?[40_000];
        var expected = new List<byte>(Encoding.UTF8.GetBytes("symbol\u001fString\u001e"));
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i % 7 == 3 ? null : i == 20_000 ? new string('é', 200_000) : new string((char)('A' + (i % 26)), 1 + (i % 40));
            expected.AddRange(BitConverter.GetBytes(values[i]?.Length ?? -1));
            expected.AddRange(Encoding.UTF8.GetBytes(values[i] ?? string.Empty));
        }

        var table = new LakeTable("t", [ColumnBuffer.Create(column, values)]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. expected])), LakeTableStore.ContentFingerprint(table));
    }
}
