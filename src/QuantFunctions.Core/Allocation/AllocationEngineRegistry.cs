using System.Globalization;
using QuantFunctions.Core.Allocation.Engines;
using QuantFunctions.Core.Clustering;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Allocation;

/// <summary>
/// Creates engines by name with string parameters (from a CLI or a manifest), parsed into each
/// engine's typed, validated options. Unknown names or parameters are errors, never ignored.
/// </summary>
/// <remarks>
/// Names and parameters: <c>equal_weight</c>; <c>inverse_vol</c>; <c>hrp</c> (linkage =
/// single|complete|average|ward); <c>min_variance</c>; <c>max_sharpe</c> (risk_free_rate);
/// <c>efficient_risk</c> (target_volatility, required); <c>efficient_return</c> (target_return,
/// required); <c>quadratic_utility</c> (risk_aversion, default 1); <c>erc</c>; <c>risk_budget</c>
/// (budgets = comma-separated, required); <c>barbell</c> (core_fraction, satellite_count,
/// score = skewness|momentum). QP engines also take max_iterations and tolerance.
/// </remarks>
public static class AllocationEngineRegistry
{
    private static readonly string[] QpKeys = ["max_iterations", "tolerance"];

    /// <summary>The engine names, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        EqualWeightEngine.EngineName, InverseVolatilityEngine.EngineName, HrpEngine.EngineName, MinimumVarianceEngine.EngineName,
        MaximumSharpeEngine.EngineName, EfficientRiskEngine.EngineName, EfficientReturnEngine.EngineName, QuadraticUtilityEngine.EngineName,
        RiskBudgetEngine.ErcName, RiskBudgetEngine.BudgetName, BarbellEngine.EngineName,
    ];

    /// <summary>Creates the engine <paramref name="name"/>.</summary>
    /// <param name="name">A name from <see cref="Names"/> (case-insensitive).</param>
    /// <param name="parameters">Engine parameters as strings (invariant culture), or null.</param>
    /// <exception cref="AllocationException">Unknown engine or parameter, unparsable or out-of-range value, missing required parameter.</exception>
    public static IAllocationEngine Create(string name, IReadOnlyDictionary<string, string>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var p = new EngineParameters(name, parameters);
        IAllocationEngine engine = name.ToUpperInvariant() switch
        {
            "EQUAL_WEIGHT" => new EqualWeightEngine(),
            "INVERSE_VOL" => new InverseVolatilityEngine(),
            "HRP" => new HrpEngine(p.Enum("linkage", LinkageMethod.Single)),
            "MIN_VARIANCE" => new MinimumVarianceEngine(p.Solver(QpKeys)),
            "MAX_SHARPE" => new MaximumSharpeEngine(p.Number("risk_free_rate", 0.0), p.Solver([.. QpKeys, "risk_free_rate"])),
            "EFFICIENT_RISK" => new EfficientRiskEngine(p.Required("target_volatility"), p.Solver([.. QpKeys, "target_volatility"])),
            "EFFICIENT_RETURN" => new EfficientReturnEngine(p.Required("target_return"), p.Solver([.. QpKeys, "target_return"])),
            "QUADRATIC_UTILITY" => new QuadraticUtilityEngine(p.Number("risk_aversion", 1.0), p.Solver([.. QpKeys, "risk_aversion"])),
            "ERC" => new RiskBudgetEngine(),
            "RISK_BUDGET" => new RiskBudgetEngine(p.List("budgets")),
            "BARBELL" => new BarbellEngine(
                new BarbellOptions
                {
                    CoreFraction = p.Number("core_fraction", 0.8),
                    SatelliteCount = p.Has("satellite_count") ? (int)p.Number("satellite_count", 1) : null,
                    Score = p.Enum("score", BarbellScore.Skewness),
                },
                p.Solver([.. QpKeys, "core_fraction", "satellite_count", "score"])),
            _ => throw new AllocationException(ErrorCodes.InvalidOption, $"unknown allocation engine '{name}'; known: {string.Join(", ", Names)}", name),
        };
        p.RejectUnknown();
        return engine;
    }

    /// <summary>
    /// Creates <paramref name="name"/> wrapped in the documented relaxation / fallback chain
    /// (<see cref="FallbackAllocator"/>).
    /// </summary>
    /// <param name="name">The requested engine.</param>
    /// <param name="parameters">Its parameters.</param>
    public static IAllocationEngine CreateWithFallback(string name, IReadOnlyDictionary<string, string>? parameters = null) =>
        new FallbackAllocator(Create(name, parameters));

    /// <summary>Parses and tracks string parameters.</summary>
    private sealed class EngineParameters(string engine, IReadOnlyDictionary<string, string>? values)
    {
        private readonly IReadOnlyDictionary<string, string> _values = values ?? new Dictionary<string, string>();

        public List<string> Consumed { get; } = [];

        public bool Has(string key) => _values.ContainsKey(key);

        public double Number(string key, double fallback)
        {
            Consumed.Add(key);
            if (!_values.TryGetValue(key, out string? s))
            {
                return fallback;
            }

            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                ? v
                : throw new AllocationException(ErrorCodes.InvalidOption, $"engine '{engine}': parameter {key} = '{s}' is not a finite number", key);
        }

        public double Required(string key) =>
            Has(key) ? Number(key, double.NaN) : throw new AllocationException(ErrorCodes.InvalidOption, $"engine '{engine}' requires parameter {key}", key);

        public double[] List(string key)
        {
            Consumed.Add(key);
            if (!_values.TryGetValue(key, out string? s))
            {
                throw new AllocationException(ErrorCodes.InvalidOption, $"engine '{engine}' requires parameter {key}", key);
            }

            string[] parts = s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            double[] r = new double[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out r[i]))
                {
                    throw new AllocationException(ErrorCodes.InvalidOption, $"engine '{engine}': {key} entry {i} = '{parts[i]}' is not a number", key);
                }
            }

            return r;
        }

        public TEnum Enum<TEnum>(string key, TEnum fallback)
            where TEnum : struct, System.Enum
        {
            Consumed.Add(key);
            if (!_values.TryGetValue(key, out string? s))
            {
                return fallback;
            }

            return System.Enum.TryParse(s, ignoreCase: true, out TEnum v) && System.Enum.IsDefined(v)
                ? v
                : throw new AllocationException(ErrorCodes.InvalidOption, $"engine '{engine}': {key} = '{s}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>()).ToLowerInvariant()}", key);
        }

        public Optimization.QpSolverOptions? Solver(string[] allowed)
        {
            Consumed.AddRange(allowed);
            if (!Has("max_iterations") && !Has("tolerance"))
            {
                return null;
            }

            double tol = Number("tolerance", 1e-9);
            return new Optimization.QpSolverOptions
            {
                MaxIterations = (int)Number("max_iterations", 10_000),
                AbsoluteTolerance = tol,
                RelativeTolerance = tol,
            };
        }

        public void RejectUnknown()
        {
            foreach (string key in _values.Keys)
            {
                bool known = false;
                foreach (string a in Consumed)
                {
                    known |= string.Equals(a, key, StringComparison.Ordinal);
                }

                if (!known)
                {
                    string list = Consumed.Count == 0 ? "none" : string.Join(", ", Consumed);
                    throw new AllocationException(ErrorCodes.InvalidOption, $"engine '{engine}' has no parameter '{key}' (accepted: {list})", key);
                }
            }
        }
    }
}
