using QuantFunctions.Core.Allocation.Engines;

namespace QuantFunctions.Core.Allocation;

/// <summary>
/// Runs an engine inside the documented relaxation / fallback chain. With a neutrality constraint,
/// each engine is tried at the configured |wᵀβ| tolerance, then at each larger tolerance of the
/// schedule 0.05 → 0.15 → 0.25. When the requested engine still fails, the chain falls back
/// maximum Sharpe → minimum variance → ERC → equal weight (starting after the requested engine,
/// or at minimum variance for engines outside the chain). Every attempt is recorded with its reason.
/// </summary>
/// <param name="primary">The requested engine.</param>
public sealed class FallbackAllocator(IAllocationEngine primary) : IAllocationEngine
{
    private static readonly string[] Chain = [MaximumSharpeEngine.EngineName, MinimumVarianceEngine.EngineName, RiskBudgetEngine.ErcName, EqualWeightEngine.EngineName];

    /// <inheritdoc/>
    public string Name => primary.Name;

    /// <summary>The engines tried after <paramref name="requested"/> fails, in order.</summary>
    /// <param name="requested">The requested engine's name.</param>
    public static IReadOnlyList<string> FallbacksAfter(string requested)
    {
        int at = Array.IndexOf(Chain, requested);
        var rest = new List<string>();
        for (int i = at < 0 ? 1 : at + 1; i < Chain.Length; i++)
        {
            if (!string.Equals(Chain[i], requested, StringComparison.Ordinal))
            {
                rest.Add(Chain[i]);
            }
        }

        return rest;
    }

    /// <inheritdoc/>
    public AllocationResult Allocate(AllocationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var steps = new List<FallbackStep>();
        var engines = new List<IAllocationEngine> { primary };
        foreach (string name in FallbacksAfter(primary.Name))
        {
            engines.Add(AllocationEngineRegistry.Create(name));
        }

        AllocationResult? last = null;
        foreach (IAllocationEngine engine in engines)
        {
            foreach (double? tolerance in Tolerances(problem))
            {
                AllocationProblem attempt = tolerance is double t ? problem.WithNeutralityTolerance(t) : problem;
                AllocationResult r = engine.Allocate(attempt);
                if (r.Success)
                {
                    steps.Add(new FallbackStep(engine.Name, tolerance, true, "ok"));
                    return r with { RequestedEngine = primary.Name, FallbackSteps = steps };
                }

                steps.Add(new FallbackStep(engine.Name, tolerance, false, r.FailureReason ?? "failed"));
                last = r;
            }
        }

        return last! with
        {
            RequestedEngine = primary.Name,
            FallbackSteps = steps,
            FailureReason = "every engine of the fallback chain failed; last: " + last.FailureReason,
        };
    }

    private static List<double?> Tolerances(AllocationProblem problem)
    {
        if (problem.Constraints.Beta is not { } beta)
        {
            return [null];
        }

        var list = new List<double?> { beta.Tolerance };
        foreach (double t in BetaNeutrality.RelaxationSchedule)
        {
            if (t > beta.Tolerance)
            {
                list.Add(t);
            }
        }

        return list;
    }
}
