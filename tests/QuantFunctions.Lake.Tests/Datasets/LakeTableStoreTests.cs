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
}
