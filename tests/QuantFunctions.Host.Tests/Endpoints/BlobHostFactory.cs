using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using QuantFunctions.Testing;

namespace QuantFunctions.Host.Tests.Endpoints;

/// <summary>The Host in process over a blob lake (Azurite), the repository's manifests and extra settings (e.g. QF_RUNNER).</summary>
/// <param name="connection">The storage connection string.</param>
/// <param name="container">The lake container.</param>
/// <param name="settings">More settings, by key.</param>
public sealed class BlobHostFactory(string connection, string container, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("QF_LAKE", "blob");
        builder.UseSetting("QF_STORAGE_CONNECTION", connection);
        builder.UseSetting("QF_LAKE_CONTAINER", container);
        builder.UseSetting("QF_MANIFESTS_ROOT", Path.Combine(RepositoryRoot.Find(), "manifests"));
        foreach ((string key, string value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
