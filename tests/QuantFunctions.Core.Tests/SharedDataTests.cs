using QuantFunctions.Testing;

namespace QuantFunctions.Core.Tests;

public sealed class SharedDataTests
{
    [SharedDataFact]
    public void SharedData_WhenPresent_HoldsTheRefcases() =>
        Assert.True(File.Exists(SharedData.PathOf("data", "refcases", "cases.json")));
}
