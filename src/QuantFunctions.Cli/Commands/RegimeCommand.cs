using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Regime;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Models;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Alpha;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant regime FILE [--states 3] [--restarts 10] [--window 32] [--seed 42] [--json]</c>: fits the regime model on a
/// returns file (one column = the market series; several = their equal-weight return) and prints the regime and
/// volatility quadrant of every date and the model used. With <c>--model ID[@VERSION] [--sleeve S]</c> it fits nothing:
/// it loads that registered model from the lake strictly (<c>model.not_found</c>, <c>model.schema_mismatch</c>) and infers.
/// </summary>
internal sealed class RegimeCommand : CommandBase
{
    private readonly Argument<string> _file = new("file") { Description = "Returns: .csv with a header or .parquet, a date column first; one column = the market series, several = their equal-weight return." };
    private readonly Option<int> _states = new("--states") { Description = "HMM states: 2 (NORMAL/CRISIS) or 3 (NORMAL/TURBULENT/CRISIS).", DefaultValueFactory = _ => 3 };
    private readonly Option<int> _restarts = new("--restarts") { Description = "Baum-Welch restarts (the best log-likelihood is kept).", DefaultValueFactory = _ => 10 };
    private readonly Option<int> _window = new("--window") { Description = "Trailing window of the spectral and entropy features (even).", DefaultValueFactory = _ => 32 };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the restarts' initialisations.", DefaultValueFactory = _ => 42 };
    private readonly Option<string?> _model = new("--model") { Description = "A registered model ID[@VERSION] (latest version without @): load it from the lake and infer instead of fitting." };
    private readonly Option<string?> _sleeve = new("--sleeve") { Description = "The sleeve whose registry holds --model (needed when several do)." };
    private readonly Option<bool> _json = CliOptions.Json();

    public RegimeCommand(CliContext context)
        : base("regime", "Detect market regimes (Gaussian HMM + volatility quadrant) in a returns file: the regime per date and the model used.", context)
    {
        Arguments.Add(_file);
        Options.Add(_states);
        Options.Add(_restarts);
        Options.Add(_window);
        Options.Add(_seed);
        Options.Add(_model);
        Options.Add(_sleeve);
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
        (RegimeModel model, JsonObject source) = parseResult.GetValue(_model) is { } reference
            ? await LoadAsync(parseResult, reference, options.Window, cancellationToken)
            : Fit(parseResult, returns, options);
        RegimeSeries series = RegimeDetector.Decode(model, dates, returns);
        string benchmark = panel.ColumnCount == 1 ? "column " + panel.Columns[0] : $"equal_weight of {panel.ColumnCount} columns";
        TextWriter output = Context.Console.Profile.Out.Writer;
        if (parseResult.GetValue(_json))
        {
            output.WriteLine(Json(file, benchmark, options.Window, source, model, series, dropped).ToJsonString());
            return ExitCodes.Success;
        }

        RegimeFitMetrics m = model.Metrics;
        output.WriteLine(FormattableString.Invariant($"{file} · benchmark {benchmark} · {series.Dates.Length} dates ({series.WarmupDropped} warm-up, {dropped} without any return dropped)"));
        string origin = source["source"]!.GetValue<string>() == "registry"
            ? FormattableString.Invariant($"registered {source["model_id"]} {source["version"]} of sleeve {source["sleeve"]} (trained {source["training_start"]}..{source["training_end"]}, run {source["run_id"]}), not refitted")
            : "fitted on this file";
        output.WriteLine($"model: {origin}");
        output.WriteLine(FormattableString.Invariant($"  gaussian_hmm, {model.Parameters.States} states, features [{string.Join(", ", model.FeatureSchema)}], seed {source["seed"]}, {m.Restarts} restarts (best {m.BestRestart}), {m.Iterations} iterations, converged {m.Converged}, log-likelihood {m.LogLikelihood:F4}, BIC {m.Bic:F4}"));
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

    private (RegimeModel Model, JsonObject Source) Fit(ParseResult parseResult, double[] returns, RegimeOptions options)
    {
        if (parseResult.GetValue(_sleeve) is not null)
        {
            throw new UsageException("--sleeve names the registry of --model; without --model the model is fitted on the file");
        }

        return (RegimeDetector.Fit(returns, options), new JsonObject { ["source"] = "fitted", ["seed"] = options.Fit.Seed });
    }

    private async Task<(RegimeModel Model, JsonObject Source)> LoadAsync(ParseResult parseResult, string reference, int window, CancellationToken cancellationToken)
    {
        foreach (Option option in new Option[] { _states, _restarts, _seed })
        {
            if (parseResult.GetResult(option) is { Implicit: false })
            {
                throw new UsageException($"{option.Name} fits a model; with --model the registered model is loaded and nothing is fitted");
            }
        }

        int at = reference.IndexOf('@', StringComparison.Ordinal);
        string modelId = at < 0 ? reference : reference[..at];
        string? version = at < 0 ? null : reference[(at + 1)..];
        if (modelId.Length == 0 || version is { Length: 0 })
        {
            throw new UsageException($"--model '{reference}': expected ID or ID@VERSION");
        }

        ILakeStore lake = await CliRuntime.OpenLakeAsync(Context, cancellationToken);
        string sleeve = parseResult.GetValue(_sleeve) ?? await SleeveOfAsync(lake, modelId, cancellationToken);
        (RegimeModel model, ModelVersionEntry entry) = await RegisteredRegimeModel.LoadAsync(lake, sleeve, modelId, version, window, cancellationToken);
        var source = new JsonObject
        {
            ["source"] = "registry",
            ["model_id"] = modelId,
            ["version"] = entry.Version,
            ["sleeve"] = sleeve,
            ["training_start"] = entry.TrainingWindow.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["training_end"] = entry.TrainingWindow.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["run_id"] = entry.RunId,
            ["seed"] = entry.Parameters["seed"]?.DeepClone(),
        };
        return (model, source);
    }

    private async Task<string> SleeveOfAsync(ILakeStore lake, string modelId, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> sleeves = await RegisteredRegimeModel.SleevesOfAsync(lake, modelId, cancellationToken);
        return sleeves.Count switch
        {
            1 => sleeves[0],
            0 => throw new ModelRegistryException(ErrorCodes.ModelNotFound, $"model '{modelId}' is registered for no sleeve in the lake ({Context.Settings.Lake})"),
            _ => throw new UsageException($"model '{modelId}' is registered for several sleeves ({string.Join(", ", sleeves)}): name one with --sleeve"),
        };
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

    private static JsonObject Json(string file, string benchmark, int window, JsonObject source, RegimeModel model, RegimeSeries series, int dropped)
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
                ["source"] = source["source"]!.DeepClone(),
                ["model_id"] = source["model_id"]?.DeepClone(),
                ["version"] = source["version"]?.DeepClone(),
                ["sleeve"] = source["sleeve"]?.DeepClone(),
                ["kind"] = "gaussian_hmm",
                ["states"] = k,
                ["window"] = window,
                ["restarts"] = m.Restarts,
                ["seed"] = source["seed"]?.DeepClone(),
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
