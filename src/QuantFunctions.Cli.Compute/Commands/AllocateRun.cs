using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Risk;

namespace QuantFunctions.Cli.Compute.Commands;

/// <summary>What <c>quant allocate</c> read, estimated and computed, for printing.</summary>
/// <param name="Source">The file.</param>
/// <param name="Data">The file as read (undated; its index column, if any, as row labels).</param>
/// <param name="Returns">The returns the problem was built from (after the price conversion, with <c>--prices</c>).</param>
/// <param name="RiskModel">The estimator options.</param>
/// <param name="Estimate">The risk-model estimate (shrinkage, ridge).</param>
/// <param name="Result">The allocation, with the reported diagnostics.</param>
/// <param name="FromPrices">Whether the file held prices.</param>
internal sealed record AllocateRun(string Source, ReturnPanel Data, ReturnPanel Returns, RiskModelOptions RiskModel, RiskEstimate? Estimate, AllocationResult Result, bool FromPrices);
