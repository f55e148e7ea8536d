using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using QuantFunctions.Testing;

namespace QuantFunctions.Host.Tests.Endpoints;

/// <summary>The Host in process over a fresh file lake and the repository's manifests.</summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _lake = new("qf-host-lake");

    /// <summary>The lake folder.</summary>
    public string LakeRoot => _lake.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("QF_LAKE_ROOT", _lake.Path);
        builder.UseSetting("QF_MANIFESTS_ROOT", Path.Combine(RepositoryRoot.Find(), "manifests"));
        builder.UseSetting("QF_MAX_PARALLELISM", "2");
        builder.UseSetting("QF_MAX_REQUEST_BYTES", "1024");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _lake.Dispose();
        }
    }
}
