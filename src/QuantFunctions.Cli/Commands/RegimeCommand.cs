using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Regime;
using QuantFunctions.Lake.Datasets;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant regime FILE [--states 3] [--restarts 10] [--window 32] [--seed 42] [--json]</c>: fits the regime model on a
/// returns file (one column = the market series; several = their equal-weight return) and prints the regime and
/// volatility quadrant of every date and the model used.
/// </summary>
internal sealed class RegimeCommand : CommandBase
{
    private readonly Argument<string> _file = new("file") { Description = "Returns: .csv with a header or .parquet, a date column first; one column = the market series, several = their equal-weight return." };
    private readonly Option<int> _states = new("--states") { Description = "HMM states: 2 (NORMAL/CRISIS) or 3 (NORMAL/TURBULENT/CRISIS).", DefaultValueFactory = _ => 3 };
    private readonly Option<int> _restarts = new("--restarts") { Description = "Baum-Welch restarts (the best log-likelihood is kept).", DefaultValueFactory = _ => 10 };
    private readonly Option<int> _window = new("--window") { Description = "Trailing window of the spectral and entropy features (even).", DefaultValueFactory = _ => 32 };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the restarts' initialisations.", DefaultValueFactory = _ => 42 };
    private readonly Option<bool> _json = CliOptions.Json();

    public RegimeCommand(CliContext context)
        : base("regime", "Detect market regimes (Gaussian HMM + volatility quadrant) in a returns file: the regime per date and the model used.", context)
    {
        Arguments.Add(_file);
        Options.Add(_states);
        Options.Add(_restarts);
        Options.Add(_window);
        Options.Add(_seed);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string file = parseResult.GetValue(_file)!;
        if (!File.Exists(file))
        {
            throw new UsageException($"{file}: no such file");
        }

        ReturnPanel panel = await ReturnsFileReader.ReadAsync(file, cancellationToken);
        DateOnly[] allDates = Dates(panel, file);
        (int[] rows, double[] returns, int dropped) = MarketBenchmark.EqualWeightRows(panel);
        var dates = new DateOnly[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            dates[i] = allDates[rows[i]];
        }

        var options = new RegimeOptions
        {
            Window = parseResult.GetValue(_window),
            Fit = new HmmFitOptions { States = parseResult.GetValue(_states), Restarts = parseResult.GetValue(_restarts), Seed = parseResult.GetValue(_seed) },
        };
        RegimeModel model = RegimeDetector.Fit(returns, options);
        RegimeSeries series = RegimeDetector.Decode(model, dates, returns);
        string benchmark = panel.ColumnCount == 1 ? "column " + panel.Columns[0] : $"equal_weight of {panel.ColumnCount} columns";
        TextWriter output = Context.Console.Profile.Out.Writer;
        if (parseResult.GetValue(_json))
        {
            output.WriteLine(Json(file, benchmark, options, model, series, dropped).ToJsonString());
            return ExitCodes.Success;
        }

        RegimeFitMetrics m = model.Metrics;
        output.WriteLine(FormattableString.Invariant($"{file} · benchmark {benchmark} · {series.Dates.Length} dates ({series.WarmupDropped} warm-up, {dropped} without any return dropped)"));
        output.WriteLine(FormattableString.Invariant($"model: gaussian_hmm, {model.Parameters.States} states, features [{string.Join(", ", model.FeatureSchema)}], seed {options.Fit.Seed}, {m.Restarts} restarts (best {m.BestRestart}), {m.Iterations} iterations, converged {m.Converged}, log-likelihood {m.LogLikelihood:F4}, BIC {m.Bic:F4}"));
        for (int k = 0; k < model.Parameters.States; k++)
        {
            int d = model.Parameters.Dimensions;
            output.WriteLine(FormattableString.Invariant($"  state {k} {RegimeLabels.Name(model.StateLabels[k]),-9} mean return {model.Parameters.Means[k * d]:E3}  volatility {Math.Sqrt(model.Parameters.Variances[k * d]):E3}  stay {model.Parameters.Transition[(k * model.Parameters.States) + k]:F4}"));
        }

        output.WriteLine(FormattableString.Invariant($"as of {series.Dates[^1]:yyyy-MM-dd}: {RegimeLabels.Name(series.Current)} · {VolatilityQuadrants.Name(series.CurrentQuadrant)} · cluster cap {RegimeLabels.ClusterCap(series.Current):F2}"));
        output.WriteLine("date        regime     quadrant");
        for (int i = 0; i < series.Dates.Length; i++)
        {
            output.WriteLine(FormattableString.Invariant($"{series.Dates[i]:yyyy-MM-dd}  {RegimeLabels.Name(series.Labels[i]),-9}  {VolatilityQuadrants.Name(series.Quadrants[i])}"));
        }

        return ExitCodes.Success;
    }

    private static DateOnly[] Dates(ReturnPanel panel, string file)
    {
        if (panel.HasDates)
        {
            return panel.Dates;
        }

        if (panel.RowLabels is not { } labels)
        {
            throw new UsageException($"{file}: the regime is printed per date, so the file needs a date column first");
        }

        var dates = new DateOnly[labels.Labels.Count];
        for (int i = 0; i < dates.Length; i++)
        {
            string text = labels.Labels[i];
            if (!DateOnly.TryParseExact(text.Length >= 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dates[i]))
            {
                throw new UsageException($"{file}: row {i + 1} of column '{labels.Name}' is '{text}', not a date (yyyy-MM-dd)");
            }
        }

        return dates;
    }

    private static JsonObject Json(string file, string benchmark, RegimeOptions options, RegimeModel model, RegimeSeries series, int dropped)
    {
        RegimeFitMetrics m = model.Metrics;
        int k = model.Parameters.States, d = model.Parameters.Dimensions;
        var states = new JsonArray();
        for (int s = 0; s < k; s++)
        {
            states.Add(new JsonObject
            {
                ["label"] = RegimeLabels.Name(model.StateLabels[s]),
                ["mean_return"] = model.Parameters.Means[s * d],
                ["volatility"] = Math.Sqrt(model.Parameters.Variances[s * d]),
                ["stay_probability"] = model.Parameters.Transition[(s * k) + s],
            });
        }

        var rows = new JsonArray();
        for (int i = 0; i < series.Dates.Length; i++)
        {
            rows.Add(new JsonObject
            {
                ["date"] = series.Dates[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["label"] = RegimeLabels.Name(series.Labels[i]),
                ["quadrant"] = VolatilityQuadrants.Name(series.Quadrants[i]),
                ["state"] = series.States[i],
            });
        }

        return new JsonObject
        {
            ["file"] = file,
            ["benchmark"] = benchmark,
            ["model"] = new JsonObject
            {
                ["kind"] = "gaussian_hmm",
                ["states"] = k,
                ["window"] = options.Window,
                ["restarts"] = m.Restarts,
                ["seed"] = options.Fit.Seed,
                ["feature_schema"] = new JsonArray([.. model.FeatureSchema.Select(f => (JsonNode)f)]),
                ["log_likelihood"] = m.LogLikelihood,
                ["bic"] = m.Bic,
                ["iterations"] = m.Iterations,
                ["converged"] = m.Converged,
                ["best_restart"] = m.BestRestart,
                ["state_parameters"] = states,
            },
            ["label"] = RegimeLabels.Name(series.Current),
            ["quadrant"] = VolatilityQuadrants.Name(series.CurrentQuadrant),
            ["cluster_cap"] = RegimeLabels.ClusterCap(series.Current),
            ["warmup_dropped"] = series.WarmupDropped,
            ["rows_without_return_dropped"] = dropped,
            ["series"] = rows,
        };
    }
}
