namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary>
/// Tests that assert process-wide allocation (<see cref="GC.GetTotalAllocatedBytes(bool)"/>) run with no other test class
/// beside them: another class's allocations would count against their bound.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasuredCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "allocation-measured";
}
