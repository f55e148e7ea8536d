using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>An identity-based connection authenticates with the token credential (Bearer), never a shared key.</summary>
public sealed class IdentityConnectionTests
{
    private static BlobClientOptions TrustingOptions(LoopbackStorageServer server)
    {
        BlobClientOptions options = BlobServiceClientFactory.CreateOptions();
        options.Retry.MaxRetries = 0;
        options.Transport = new HttpClientTransport(new HttpClient(server.CreateTrustingHandler()));
        return options;
    }

    [Fact]
    public async Task BlobServiceUriSetting_RequestsCarryBearerTokenFromCredentialAndNoSharedKey()
    {
        await using var server = new LoopbackStorageServer(404, "ContainerNotFound");
        var credential = new FakeTokenCredential("fake-token-123");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["X__blobServiceUri"] = $"https://127.0.0.1:{server.Port}/acct" };

        BlobServiceClient service = BlobServiceClientFactory.Create("X", settings.GetValueOrDefault, TrustingOptions(server), credential);
        bool exists = await service.GetBlobContainerClient("lake").ExistsAsync();

        Assert.False(exists); // the server said ContainerNotFound
        (string requestLine, string? authorization) = Assert.Single(server.Requests);
        Assert.StartsWith("GET /acct/lake?restype=container", requestLine, StringComparison.Ordinal);
        Assert.Equal("Bearer fake-token-123", authorization);
        Assert.DoesNotContain("SharedKey", authorization, StringComparison.Ordinal);
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes.Distinct());
        Assert.Equal("acct", service.AccountName);
    }

    [Fact]
    public async Task OpenAsync_IdentityWithoutDataRole_IsAccessDeniedNamingContainerAndHowToFix()
    {
        await using var server = new LoopbackStorageServer(403, "AuthorizationPermissionMismatch");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["X__blobServiceUri"] = $"https://127.0.0.1:{server.Port}/acct" };
        BlobServiceClient service = BlobServiceClientFactory.Create("X", settings.GetValueOrDefault, TrustingOptions(server), new FakeTokenCredential("t"));

        var ex = await Assert.ThrowsAsync<LakeAccessDeniedException>(() => BlobLakeStore.OpenAsync(service.GetBlobContainerClient("lake")));

        Assert.Equal(ErrorCodes.LakeAccessDenied, ex.Code);
        Assert.StartsWith("CreateContainer on 'lake' was refused: 403 AuthorizationPermissionMismatch (Loopback answer.).", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Storage Blob Data Contributor", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Bearer t", Assert.Single(server.Requests).Authorization);
    }
}
