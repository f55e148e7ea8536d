namespace QuantFunctions.Core.Allocation;

/// <summary>
/// An allocation engine: from a validated <see cref="AllocationProblem"/> to weights, diagnostics
/// and a constraint report. A result whose constraints do not all hold is never a success.
/// </summary>
public interface IAllocationEngine
{
    /// <summary>The registry name, e.g. <c>hrp</c>, <c>min_variance</c>.</summary>
    string Name { get; }

    /// <summary>Allocates.</summary>
    /// <param name="problem">The validated problem.</param>
    /// <returns>The result; <see cref="AllocationResult.Success"/> is false when the engine failed or a constraint is violated.</returns>
    AllocationResult Allocate(AllocationProblem problem);
}
