using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.Lake.Tests.Paths;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("binance")]
    [InlineData("crypto_long_top10")]
    [InlineData("2024")]
    [InlineData("a")]
    public void LakeIdentifier_Valid_Accepted(string value)
    {
        Assert.Equal(value, LakeIdentifier.Parse(value).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Binance")]
    [InlineData("bin-ance")]
    [InlineData("bin ance")]
    [InlineData("_private")]
    [InlineData("a/b")]
    [InlineData("é")]
    public void LakeIdentifier_Invalid_ThrowsNamingWhat(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => LakeIdentifier.Parse(value, "market"));

        Assert.Contains($"Invalid market '{value}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LakeIdentifier_TooLong_Rejected()
    {
        Assert.False(LakeIdentifier.TryParse(new string('a', LakeIdentifier.MaxLength + 1), out _));
        Assert.True(LakeIdentifier.TryParse(new string('a', LakeIdentifier.MaxLength), out _));
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("10.20.30")]
    [InlineData("1.0.0-rc.1")]
    [InlineData("0.1.0-alpha-2.beta")]
    public void SemVer_Valid_RoundTrips(string value)
    {
        Assert.Equal(value, SemVer.Parse(value).ToString());
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("01.0.0")]
    [InlineData("1.0.0-")]
    [InlineData("1.0.0-RC1")]
    [InlineData("1.0.0+build")]
    [InlineData("v1.0.0")]
    [InlineData("1.0.0-01")]
    public void SemVer_Invalid_Throws(string value)
    {
        Assert.Throws<ArgumentException>(() => SemVer.Parse(value));
    }

    [Fact]
    public void SemVer_Ordering_FollowsSemverSpec()
    {
        // Example order from semver.org §11.
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1"];
        for (int i = 1; i < ordered.Length; i++)
        {
            Assert.True(SemVer.Parse(ordered[i - 1]) < SemVer.Parse(ordered[i]), $"{ordered[i - 1]} < {ordered[i]}");
        }
    }

    [Theory]
    [InlineData("20261121-0001")]
    [InlineData("01hf3z9k2m")]
    [InlineData("run_7")]
    public void RunId_Valid_Accepted(string value)
    {
        Assert.Equal(value, RunId.Parse(value).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-leading")]
    [InlineData("UPPER")]
    [InlineData("a/b")]
    [InlineData("a.b")]
    public void RunId_Invalid_Throws(string value)
    {
        Assert.Throws<ArgumentException>(() => RunId.Parse(value));
    }

    [Theory]
    [InlineData("dataops.returns", "dataops.returns")]
    [InlineData("alpha.allocate[crypto_long]", "alpha.allocate@crypto_long")]
    [InlineData("meta.aggregate[sleeve-1.a]", "meta.aggregate@sleeve-1.a")]
    public void NodeKey_Encoding_IsReversible(string key, string segment)
    {
        NodeKey parsed = NodeKey.Parse(key);

        Assert.Equal(segment, parsed.ToPathSegment());
        Assert.Equal(parsed, NodeKey.FromPathSegment(segment));
        Assert.Equal(key, NodeKey.FromPathSegment(segment).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("alpha..allocate")]
    [InlineData(".alpha")]
    [InlineData("alpha.Allocate")]
    [InlineData("alpha.allocate[]")]
    [InlineData("alpha.allocate[x")]
    [InlineData("alpha.allocate[x]y")]
    [InlineData("alpha.allocate[a[b]]")]
    [InlineData("alpha@x")]
    public void NodeKey_Invalid_Throws(string key)
    {
        Assert.Throws<ArgumentException>(() => NodeKey.Parse(key));
    }

    [Fact]
    public void NodeKey_AnyValidKey_RoundTripsThroughPathSegment()
    {
        Gen<string> segment = Gen.Elements("abc_019".ToCharArray()).NonEmptyListOf().Select(c => new string([.. c]));
        Gen<string> instance = Gen.Elements("ab_9.-".ToCharArray()).NonEmptyListOf().Select(c => "x" + new string([.. c]));
        Gen<NodeKey> keys =
            from parts in segment.NonEmptyListOf()
            from inst in Gen.OneOf(Gen.Constant<string?>(null), instance.Select(s => (string?)s))
            let id = string.Join('.', parts)
            where id.Length + (inst?.Length ?? 0) + 2 <= NodeKey.MaxLength
            select NodeKey.Create(id, inst);

        Prop.ForAll(keys.ToArbitrary(), k => NodeKey.FromPathSegment(k.ToPathSegment()) == k && NodeKey.Parse(k.Value) == k)
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("v1", 1)]
    [InlineData("v12", 12)]
    public void SchemaVersion_Parse_ReadsNumber(string token, int number)
    {
        Assert.Equal(number, SchemaVersion.Parse(token).Number);
        Assert.Equal(token, SchemaVersion.Create(number).Token);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("v0")]
    [InlineData("v01")]
    [InlineData("V1")]
    public void SchemaVersion_Invalid_Throws(string token)
    {
        Assert.Throws<ArgumentException>(() => SchemaVersion.Parse(token));
    }
}
