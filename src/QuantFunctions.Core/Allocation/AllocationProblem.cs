using System.Collections.Concurrent;
using QuantFunctions.Core.Clustering;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;
using QuantFunctions.Core.Risk;

namespace QuantFunctions.Core.Allocation;

/// <summary>
/// The input of every allocation engine: Σ (validated), optional μ and returns, and the
/// constraints, all checked against the universe on creation — bad input fails here, before any work.
/// </summary>
public sealed class AllocationProblem
{
    private readonly ConcurrentDictionary<LinkageMethod, Dendrogram> _dendrograms = new();

    private AllocationProblem(CovarianceMatrix covariance, double[]? mu, PortfolioConstraints constraints, ReturnPanel? returns, RiskEstimate? estimate, double[]? correlation)
    {
        CorrelationOverride = correlation;
        Covariance = covariance;
        ExpectedReturns = mu;
        Constraints = constraints;
        Returns = returns;
        Estimate = estimate;
        int n = covariance.Size;
        Lower = new double[n];
        Upper = new double[n];
        for (int i = 0; i < n; i++)
        {
            Lower[i] = constraints.LowerOf(i);
            Upper[i] = constraints.UpperOf(i);
        }
    }

    /// <summary>Asset names.</summary>
    public IReadOnlyList<string> Assets => Covariance.Assets;

    /// <summary>N.</summary>
    public int AssetCount => Covariance.Size;

    /// <summary>Σ.</summary>
    public CovarianceMatrix Covariance { get; }

    /// <summary>μ, when given.</summary>
    public IReadOnlyList<double>? ExpectedReturns { get; }

    /// <summary>The returns the estimates came from, when given (used by score-based engines).</summary>
    public ReturnPanel? Returns { get; }

    /// <summary>The constraints.</summary>
    public PortfolioConstraints Constraints { get; }

    /// <summary>The risk-model estimate (shrinkage, ridge), when built by <see cref="FromReturns"/>.</summary>
    public RiskEstimate? Estimate { get; }

    /// <summary>An explicit correlation for the clustering (e.g. pairwise-complete), else null (derived from Σ).</summary>
    internal double[]? CorrelationOverride { get; }

    /// <summary>Per-asset lower bounds.</summary>
    internal double[] Lower { get; }

    /// <summary>Per-asset upper bounds.</summary>
    internal double[] Upper { get; }

    /// <summary>Creates a problem from Σ and optional μ.</summary>
    /// <param name="covariance">Σ (annualised).</param>
    /// <param name="expectedReturns">μ in asset order (annualised), or null.</param>
    /// <param name="constraints">Constraints (long-only, fully invested when null).</param>
    /// <param name="returns">The returns, for engines that score assets (Barbell), or null.</param>
    /// <param name="correlation">The correlation used for clustering (N×N column-major, e.g. <see cref="Correlation.Pairwise"/>); null derives it from Σ.</param>
    /// <exception cref="AllocationException">Mismatched sizes, non-finite μ, infeasible or invalid constraints.</exception>
    public static AllocationProblem Create(
        CovarianceMatrix covariance,
        IReadOnlyList<double>? expectedReturns = null,
        PortfolioConstraints? constraints = null,
        ReturnPanel? returns = null,
        IReadOnlyList<double>? correlation = null) =>
        Create(covariance, expectedReturns, constraints, returns, null, correlation);

    /// <summary>Estimates μ and Σ from returns with <paramref name="riskModel"/>, then creates the problem.</summary>
    /// <param name="returns">Periodic returns.</param>
    /// <param name="riskModel">Estimators (defaults when null).</param>
    /// <param name="constraints">Constraints (long-only, fully invested when null).</param>
    public static AllocationProblem FromReturns(ReturnPanel returns, RiskModelOptions? riskModel = null, PortfolioConstraints? constraints = null)
    {
        ReturnsInput.Validate(returns);
        RiskEstimate estimate = RiskModel.Estimate(returns, riskModel);
        double[]? correlation = returns.HasMissing && riskModel?.Kind == RiskModelKind.SamplePairwise ? Correlation.Pairwise(returns) : null;
        return Create(estimate.Covariance, estimate.ExpectedReturns, constraints, returns, estimate, correlation);
    }

    /// <summary>The same problem with the neutrality tolerance replaced (used by the relaxation chain).</summary>
    /// <param name="tolerance">The new |wᵀβ| bound.</param>
    public AllocationProblem WithNeutralityTolerance(double tolerance)
    {
        BetaNeutrality beta = Constraints.Beta ?? throw new InvalidOperationException("the problem has no neutrality constraint");
        return new AllocationProblem(Covariance, (double[]?)ExpectedReturns, Constraints with { Beta = beta with { Tolerance = tolerance } }, Returns, Estimate, CorrelationOverride);
    }

    /// <summary>The dendrogram of the correlation distance √((1 − ρ)/2) for <paramref name="linkage"/> (cached).</summary>
    /// <param name="linkage">The linkage.</param>
    public Dendrogram Dendrogram(LinkageMethod linkage) =>
        _dendrograms.GetOrAdd(linkage, l =>
        {
            double[] distance = Correlation.Distance(CorrelationOverride ?? Correlation.FromCovariance(Covariance), AssetCount);
            return HierarchicalClustering.Build(distance, AssetCount, l);
        });

    /// <summary>Cluster label per asset for the caps (explicit labels, else a cut of the dendrogram), or null without caps.</summary>
    /// <param name="engineLinkage">The engine's own linkage, used when the caps name none.</param>
    public int[]? ClusterLabels(LinkageMethod? engineLinkage = null)
    {
        ClusterCaps? caps = Constraints.ClusterCaps;
        if (caps is null)
        {
            return null;
        }

        if (caps.Labels is not null)
        {
            return [.. caps.Labels];
        }

        return Dendrogram(caps.Linkage ?? engineLinkage ?? LinkageMethod.Single).Cut(caps.MaxClusters);
    }

    private static AllocationProblem Create(CovarianceMatrix covariance, IReadOnlyList<double>? mu, PortfolioConstraints? constraints, ReturnPanel? returns, RiskEstimate? estimate, IReadOnlyList<double>? correlation)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        constraints ??= PortfolioConstraints.LongOnly;
        int n = covariance.Size;
        double[]? muCopy = null;
        if (mu is not null)
        {
            CheckVector(mu, n, "expected returns", covariance.Assets);
            muCopy = [.. mu];
        }

        if (returns is not null)
        {
            ReturnsInput.Validate(returns);
            if (returns.ColumnCount != n)
            {
                throw new AllocationException(ErrorCodes.ShapeMismatch, $"returns have {returns.ColumnCount} assets, covariance has {n}");
            }

            for (int i = 0; i < n; i++)
            {
                if (!string.Equals(returns.Columns[i], covariance.Assets[i], StringComparison.Ordinal))
                {
                    throw new AllocationException(ErrorCodes.ShapeMismatch, $"returns column {i} is '{returns.Columns[i]}' but covariance row {i} is '{covariance.Assets[i]}'", returns.Columns[i]);
                }
            }
        }

        double[]? corr = null;
        if (correlation is not null)
        {
            if (correlation.Count != n * n)
            {
                throw new AllocationException(ErrorCodes.ShapeMismatch, $"correlation has {correlation.Count} entries; {n} assets need {n * n}", "correlation");
            }

            corr = [.. correlation];
            foreach (double v in corr)
            {
                if (!(v >= -1 - 1e-12 && v <= 1 + 1e-12))
                {
                    throw new AllocationException(ErrorCodes.NonFiniteValue, $"correlation entry {v} lies outside [-1, 1]", "correlation");
                }
            }
        }

        ConstraintValidation.Validate(constraints, covariance.Assets);
        return new AllocationProblem(covariance, muCopy, constraints, returns, estimate, corr);
    }

    internal static void CheckVector(IReadOnlyList<double> v, int n, string what, IReadOnlyList<string> assets)
    {
        if (v.Count != n)
        {
            throw new AllocationException(ErrorCodes.ShapeMismatch, $"{what} have {v.Count} entries for {n} assets", what);
        }

        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(v[i]))
            {
                throw new AllocationException(ErrorCodes.NonFiniteValue, $"{what} of asset '{assets[i]}' is {v[i]}", assets[i]);
            }
        }
    }
}
