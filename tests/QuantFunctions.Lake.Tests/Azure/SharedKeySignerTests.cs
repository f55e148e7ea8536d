using QuantFunctions.Lake.Azure;

namespace QuantFunctions.Lake.Tests.Azure;

public sealed class SharedKeySignerTests
{
    private static HttpRequestMessage BlockRequest()
    {
        // Path-style emulator URL: the account appears in the path and again as the resource prefix.
        var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/c1/a%20b.json?comp=block&blockid=QUJD%2B%2F%3D%3D")
        {
            Content = new ByteArrayContent([1, 2, 3]),
        };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2021-08-06");
        request.Headers.TryAddWithoutValidation("x-ms-date", "Sat, 21 Nov 2026 12:00:00 GMT");
        return request;
    }

    [Fact]
    public void BuildStringToSign_PutBlockWithCondition_FollowsDocumentedCanonicalization()
    {
        using HttpRequestMessage request = BlockRequest();

        string toSign = SharedKeySigner.BuildStringToSign(request, "devstoreaccount1");

        // Hand-built from learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key: 12 standard header
        // lines (Content-Length 3, If-None-Match *), x-ms-* headers sorted, resource with decoded, sorted query.
        const string expected = "PUT\n\n\n3\n\n\n\n\n\n*\n\n\n"
            + "x-ms-date:Sat, 21 Nov 2026 12:00:00 GMT\nx-ms-version:2021-08-06\n"
            + "/devstoreaccount1/devstoreaccount1/c1/a%20b.json\nblockid:QUJD+/==\ncomp:block";
        Assert.Equal(expected, toSign);
    }

    [Fact]
    public void Sign_KnownRequest_MatchesIndependentHmac()
    {
        using HttpRequestMessage request = BlockRequest();
        var signer = new SharedKeySigner(StorageConnectionString.Parse("UseDevelopmentStorage=true"));

        signer.Sign(request);

        // Reference: Python 3 base64(hmac.new(b64decode(devstore key), expected string-to-sign, sha256)).
        Assert.Equal("SharedKey devstoreaccount1:Qzs6xG/V2e75MJI5SrBBceROpmaNzHGvTQ2XfxoOnbs=", string.Join(",", request.Headers.GetValues("Authorization")));
    }

    [Fact]
    public void BuildStringToSign_EmptyBody_SignsEmptyContentLength()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://acct.blob.core.windows.net/c/b?restype=container&comp=list&prefix=raw%2F");
        request.Headers.TryAddWithoutValidation("x-ms-range", "bytes=0-9");

        string toSign = SharedKeySigner.BuildStringToSign(request, "acct");

        Assert.Equal("GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-range:bytes=0-9\n/acct/c/b\ncomp:list\nprefix:raw/\nrestype:container", toSign);
    }
}
