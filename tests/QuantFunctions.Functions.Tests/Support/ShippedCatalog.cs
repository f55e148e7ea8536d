using QuantFunctions.Functions.Catalog;
using QuantFunctions.Functions.Startup;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages;
using QuantFunctions.Testing;

namespace QuantFunctions.Functions.Tests.Support;

/// <summary>The shipped stages and the repository's manifests.</summary>
internal static class ShippedCatalog
{
    public static StageRegistry Registry() => new StageRegistryBuilder().AddQuantStages().Build();

    public static ManifestLoader Loader() => new(Registry());

    public static string ManifestsRoot => Path.Combine(RepositoryRoot.Find(), "manifests");

    public static PipelineCatalog Load() => StartupValidator.LoadCatalog(ManifestsRoot, Loader());
}
