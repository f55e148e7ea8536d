using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Allocation.Engines;
using QuantFunctions.Core.Clustering;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Tests.Allocation;

public sealed class RegistryTests
{
    [Fact]
    public void Create_EveryName_ReturnsEngineWithThatName()
    {
        var p = new Dictionary<string, Dictionary<string, string>>
        {
            ["efficient_risk"] = new() { ["target_volatility"] = "0.2" },
            ["efficient_return"] = new() { ["target_return"] = "0.1" },
            ["risk_budget"] = new() { ["budgets"] = "0.5,0.5" },
        };
        foreach (string name in AllocationEngineRegistry.Names)
        {
            IAllocationEngine e = AllocationEngineRegistry.Create(name, p.GetValueOrDefault(name));
            Assert.Equal(name, e.Name);
        }
    }

    [Fact]
    public void Create_TypedOptions_AreParsed()
    {
        var hrp = Assert.IsType<HrpEngine>(AllocationEngineRegistry.Create("hrp", new Dictionary<string, string> { ["linkage"] = "ward" }));
        Assert.Equal(LinkageMethod.Ward, hrp.Linkage);
        var ms = Assert.IsType<MaximumSharpeEngine>(AllocationEngineRegistry.Create("MAX_SHARPE", new Dictionary<string, string> { ["risk_free_rate"] = "0.02" }));
        Assert.Equal(0.02, ms.RiskFree);
    }

    [Theory]
    [InlineData("nope", null, null, "nope")]
    [InlineData("hrp", "linkage", "median", "linkage")]
    [InlineData("min_variance", "rf", "0.1", "rf")]
    [InlineData("efficient_risk", null, null, "target_volatility")]
    [InlineData("quadratic_utility", "risk_aversion", "-1", "risk_aversion")]
    [InlineData("max_sharpe", "risk_free_rate", "abc", "risk_free_rate")]
    public void Create_BadNameOrParameter_ThrowsNamingIt(string name, string? key, string? value, string subject)
    {
        Dictionary<string, string>? p = key is null ? null : new() { [key] = value! };
        var ex = Assert.Throws<AllocationException>(() => AllocationEngineRegistry.Create(name, p));
        Assert.Equal(ErrorCodes.InvalidOption, ex.Code);
        Assert.Equal(subject, ex.Subject);
    }
}
