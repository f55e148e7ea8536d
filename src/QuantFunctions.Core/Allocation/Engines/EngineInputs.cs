using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>Checks of what an engine needs beyond Σ.</summary>
internal static class EngineInputs
{
    public static double[] RequireExpectedReturns(AllocationProblem problem, string engine) =>
        problem.ExpectedReturns is { } mu
            ? [.. mu]
            : throw new AllocationException(ErrorCodes.InvalidOption, $"engine '{engine}' needs expected returns (μ); none were given", "expected_returns");
}
