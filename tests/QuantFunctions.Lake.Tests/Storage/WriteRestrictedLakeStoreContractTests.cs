using QuantFunctions.Testing.Lake;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Storage;

/// <summary>The restricted view must behave as a full store below its allowed roots.</summary>
public sealed class WriteRestrictedLakeStoreContractTests : LakeStoreContractTests
{
    protected override Task<ILakeStore> CreateStoreAsync() =>
        Task.FromResult<ILakeStore>(WriteRestrictedLakeStore.ForModelPipelines(new InMemoryLakeStore()));
}
