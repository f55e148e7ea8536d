using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>Base of the Azurite integration tests: clients against the shared instance, disposed after each test.</summary>
public abstract class AzuriteTests(AzuriteFixture azurite) : IDisposable
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected AzuriteClients Clients { get; } = new(azurite);

    public void Dispose()
    {
        Clients.Dispose();
        GC.SuppressFinalize(this);
    }
}
