using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>Base of the Azurite integration tests: SDK clients against the shared instance.</summary>
public abstract class AzuriteTests(AzuriteFixture azurite)
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected AzuriteClients Clients { get; } = new(azurite);
}
