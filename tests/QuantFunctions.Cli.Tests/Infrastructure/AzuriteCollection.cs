using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests.Infrastructure;

/// <summary>One Azurite per test assembly, for the blob-lake CLI tests.</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
