using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using QuantFunctions.Cli.Compute.Infrastructure;
using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Allocation.Engines;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;
using QuantFunctions.Core.Risk;
using QuantFunctions.Lake.Datasets;

namespace QuantFunctions.Cli.Compute.Commands;

/// <summary>
/// <c>quant allocate FILE --engine NAME [--linkage …] [--risk-model …] [--bounds lo,hi] [--rf r]
/// [--periods-per-year n] [--expected-returns …] [--max-condition x|none] [--prices] [--param k=v …] [--json]</c>:
/// runs one allocation engine (inside the documented fallback chain) on a returns or prices file and
/// prints the weights, diagnostics, constraint report and fallback steps. Exit 0 on success, 1 when the
/// allocation is not a success (a constraint violated after every fallback), 2 for bad usage or input.
/// </summary>
internal sealed class AllocateCommand : CliCommand<ICommandOutput>
{
    private static readonly string[] Linkages = ["single", "complete", "average", "ward"];

    private readonly Argument<string> _file = new("file") { Description = "Returns (or, with --prices, prices): .csv with a header or .parquet; columns = assets, rows = periods, an optional first date column." };
    private readonly Option<string> _engine = new("--engine") { Description = "Engine: " + string.Join(", ", AllocationEngineRegistry.Names) + ".", Required = true };
    private readonly Option<string?> _linkage = new("--linkage") { Description = "HRP linkage: single (default), complete, average, ward." };
    private readonly Option<string> _riskModel = new("--risk-model") { Description = "Covariance estimator.", DefaultValueFactory = _ => "sample" };
    private readonly Option<string> _expectedReturns = new("--expected-returns") { Description = "Expected-return estimator: arithmetic or geometric.", DefaultValueFactory = _ => "arithmetic" };
    private readonly Option<string?> _bounds = new("--bounds") { Description = "Per-asset weight bounds lo,hi (default 0,1: long-only)." };
    private readonly Option<double?> _rf = new("--rf") { Description = "Annual risk-free rate: max_sharpe's risk_free_rate and the reported Sharpe ratio (default 0)." };
    private readonly Option<int> _periodsPerYear = new("--periods-per-year") { Description = "Periods per year to annualise μ and Σ (252 equities, 365 crypto).", DefaultValueFactory = _ => ExpectedReturns.EquityPeriodsPerYear };
    private readonly Option<string?> _maxCondition = new("--max-condition") { Description = "Condition-number bound of the dynamic ridge (default 5000), or 'none' to turn the guard off." };
    private readonly Option<bool> _prices = new("--prices") { Description = "The file holds prices; convert to simple returns first." };
    private readonly Option<string[]> _param = new("--param") { Description = "Engine parameter k=v; repeat for several, e.g. --param target_volatility=0.15 --param max_iterations=5000." };
    private readonly Option<bool> _json = CliOptions.Json();

    public AllocateCommand(ICommandOutput context)
        : base("allocate", "Run an allocation engine on a returns (or prices) file and print weights, diagnostics and the constraint report.", context)
    {
        Arguments.Add(_file);
        Options.Add(_engine);
        Options.Add(_linkage);
        Options.Add(_riskModel);
        Options.Add(_expectedReturns);
        Options.Add(_bounds);
        Options.Add(_rf);
        Options.Add(_periodsPerYear);
        Options.Add(_maxCondition);
        Options.Add(_prices);
        Options.Add(_param);
        Options.Add(_json);
        _linkage.AcceptOnlyFromAmong(Linkages);
        _riskModel.AcceptOnlyFromAmong(RiskModelNames());
        _expectedReturns.AcceptOnlyFromAmong("arithmetic", "geometric");
        _riskModel.Description += " One of: " + string.Join(", ", RiskModelNames()) + ".";
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string file = parseResult.GetValue(_file)!;
        string engineName = parseResult.GetValue(_engine)!;
        double? rf = parseResult.GetValue(_rf);
        if (rf is double r && !double.IsFinite(r))
        {
            throw new UsageException($"--rf must be a finite number (got {r.ToString(CultureInfo.InvariantCulture)})");
        }

        // Everything the user typed is validated before the file is read.
        Dictionary<string, string> parameters = EngineParameters(parseResult, engineName, rf);
        IAllocationEngine engine = AllocationEngineRegistry.CreateWithFallback(engineName, parameters);
        var riskModel = new RiskModelOptions
        {
            Kind = ParseRiskModel(parseResult.GetValue(_riskModel)!),
            ExpectedReturnMethod = parseResult.GetValue(_expectedReturns) == "geometric" ? ExpectedReturnMethod.Geometric : ExpectedReturnMethod.Arithmetic,
            PeriodsPerYear = parseResult.GetValue(_periodsPerYear),
            MaxCondition = ParseMaxCondition(parseResult.GetValue(_maxCondition)),
        };
        PortfolioConstraints constraints = ParseBounds(parseResult.GetValue(_bounds));

        ReturnPanel data = await ReturnsFileReader.ReadAsync(file, cancellationToken);
        ReturnPanel returns = parseResult.GetValue(_prices) ? ReturnCalculator.FromPrices(data, ReturnOptions.Pandas) : data;
        AllocationProblem problem = AllocationProblem.FromReturns(returns, riskModel, constraints);
        AllocationResult result = engine.Allocate(problem);
        result = result with { Diagnostics = ReportedDiagnostics(result.Diagnostics, rf ?? 0) };

        var run = new AllocateRun(file, data, returns, riskModel, problem.Estimate, result, parseResult.GetValue(_prices));
        if (parseResult.GetValue(_json))
        {
            TextWriter output = Context.Console.Profile.Out.Writer;
            await output.WriteLineAsync(AllocateOutput.Json(run).AsMemory(), cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        else
        {
            AllocateOutput.Print(Context.Console, run);
        }

        return result.Success ? ExitCodes.Success : ExitCodes.RunFailed;
    }

    /// <summary>The risk-model names: <see cref="RiskModelKind"/> members in snake_case.</summary>
    internal static string[] RiskModelNames() => Array.ConvertAll(Enum.GetValues<RiskModelKind>(), RiskModelName);

    /// <summary>The name of a risk model on the command line and in the output: the <see cref="RiskModelKind"/> member in snake_case.</summary>
    internal static string RiskModelName(RiskModelKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private static RiskModelKind ParseRiskModel(string name)
    {
        foreach (RiskModelKind kind in Enum.GetValues<RiskModelKind>())
        {
            if (RiskModelName(kind) == name)
            {
                return kind;
            }
        }

        throw new UsageException($"--risk-model '{name}' is not one of {string.Join(", ", RiskModelNames())}");
    }

    private Dictionary<string, string> EngineParameters(ParseResult parseResult, string engineName, double? rf)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in parseResult.GetValue(_param) ?? [])
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            string key = eq > 0 ? pair[..eq].Trim() : string.Empty;
            if (key.Length == 0)
            {
                throw new UsageException($"--param '{pair}' is not of the form key=value");
            }

            if (!parameters.TryAdd(key, pair[(eq + 1)..].Trim()))
            {
                throw new UsageException($"--param {key} is given twice");
            }
        }

        if (parseResult.GetValue(_linkage) is { } linkage)
        {
            if (!engineName.Equals(HrpEngine.EngineName, StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"--linkage applies to --engine {HrpEngine.EngineName} only (engine '{engineName}' does not cluster)");
            }

            AddOnce(parameters, "linkage", linkage, "--linkage");
        }

        if (rf is double rate && engineName.Equals(MaximumSharpeEngine.EngineName, StringComparison.OrdinalIgnoreCase))
        {
            AddOnce(parameters, "risk_free_rate", rate.ToString("R", CultureInfo.InvariantCulture), "--rf");
        }

        return parameters;
    }

    private static void AddOnce(Dictionary<string, string> parameters, string key, string value, string option)
    {
        if (!parameters.TryAdd(key, value))
        {
            throw new UsageException($"{option} and --param {key} both set the same parameter; give one");
        }
    }

    private static double? ParseMaxCondition(string? text)
    {
        if (text is null)
        {
            return DynamicRidge.DefaultMaxCondition;
        }

        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double bound) && double.IsFinite(bound) && bound > 1
            ? bound
            : throw new UsageException($"--max-condition '{text}' must be a number greater than 1, or 'none'");
    }

    /// <summary>Parses <c>--bounds lo,hi</c> into per-asset bounds.</summary>
    /// <exception cref="UsageException">Not two finite numbers with lo ≤ hi.</exception>
    internal static PortfolioConstraints ParseBounds(string? text)
    {
        if (text is null)
        {
            return PortfolioConstraints.LongOnly;
        }

        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double lo)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double hi)
            || !double.IsFinite(lo)
            || !double.IsFinite(hi))
        {
            throw new UsageException($"--bounds '{text}' must be two finite numbers lo,hi (e.g. 0,0.25)");
        }

        if (lo > hi)
        {
            throw new UsageException($"--bounds '{text}': the lower bound {parts[0]} exceeds the upper bound {parts[1]}");
        }

        return new PortfolioConstraints { MinWeight = lo, MaxWeight = hi };
    }

    /// <summary>
    /// The engine's diagnostics in ordinal key order, with the Sharpe ratio restated at the requested
    /// risk-free rate: (μᵀw − r_f)/σ(w). Engines other than max_sharpe report it at r_f = 0.
    /// </summary>
    private static SortedDictionary<string, double> ReportedDiagnostics(IReadOnlyDictionary<string, double> diagnostics, double rf)
    {
        var sorted = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, double> d in diagnostics)
        {
            sorted[d.Key] = d.Value;
        }

        if (sorted.TryGetValue("expected_return", out double ret) && sorted.TryGetValue("volatility", out double vol))
        {
            sorted["risk_free_rate"] = rf;
            sorted["sharpe"] = vol > 0 ? (ret - rf) / vol : double.NaN;
        }

        return sorted;
    }
}
