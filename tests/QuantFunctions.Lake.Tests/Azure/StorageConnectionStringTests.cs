using QuantFunctions.Lake.Azure;

namespace QuantFunctions.Lake.Tests.Azure;

public sealed class StorageConnectionStringTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcy0wMTIzNDU2Nzg5";

    [Fact]
    public void Parse_AccountAndKey_DerivesHttpsEndpointsFromSuffix()
    {
        var cs = StorageConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=quantlake;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal("quantlake", cs.AccountName);
        Assert.Equal(new Uri("https://quantlake.blob.core.windows.net"), cs.BlobEndpoint);
        Assert.Equal(new Uri("https://quantlake.queue.core.windows.net"), cs.QueueEndpoint);
        Assert.False(cs.IsDevelopmentStorage);
    }

    [Fact]
    public void Parse_ExplicitEndpointsAndOtherSuffix_UsesThem()
    {
        var cs = StorageConnectionString.Parse(
            $"AccountName=acct;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn;BlobEndpoint=http://localhost:9999/acct;TableEndpoint=http://x");

        Assert.Equal(new Uri("http://localhost:9999/acct"), cs.BlobEndpoint);
        Assert.Equal(new Uri("https://acct.queue.core.chinacloudapi.cn"), cs.QueueEndpoint);
    }

    [Fact]
    public void Parse_UseDevelopmentStorage_IsAzuriteWellKnownAccount()
    {
        var cs = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.True(cs.IsDevelopmentStorage);
        Assert.Equal("devstoreaccount1", cs.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), cs.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), cs.QueueEndpoint);
        Assert.Equal(Convert.FromBase64String(StorageConnectionString.DevelopmentAccountKey), cs.AccountKey.ToArray());
    }

    [Theory]
    [InlineData("AccountName=a", "'AccountKey' is missing")]
    [InlineData("AccountKey=" + Key, "'AccountName' is missing")]
    [InlineData("AccountName=a;AccountKey=not*base64", "'AccountKey' is not valid base64")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";BlobEndpoint=not a uri", "'BlobEndpoint'")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    [InlineData("AccountName=a;AccountName=b;AccountKey=" + Key, "appears twice")]
    public void Parse_BadSetting_ThrowsNamingTheSettingNotTheKey(string text, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => StorageConnectionString.Parse(text));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedPartNextToKey_DoesNotEchoThePart()
    {
        var ex = Assert.Throws<ArgumentException>(() => StorageConnectionString.Parse($"AccountName=a;{Key}"));

        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Always_RedactsTheKey()
    {
        var cs = StorageConnectionString.Parse($"AccountName=acct;AccountKey={Key}");

        string text = cs.ToString();

        Assert.Contains("AccountKey=***", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, StorageConnectionString.Parse("UseDevelopmentStorage=true").WithAccountKey(Key).ToString(), StringComparison.Ordinal);
    }
}
