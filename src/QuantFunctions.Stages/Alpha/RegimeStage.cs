using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Regime;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Models;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Alpha;

/// <summary>
/// <c>alpha.regime</c>: the sleeve universe's equal-weight return (silver, as of the run) → a Gaussian HMM regime model,
/// fitted and registered (or, with <c>model_version</c>, loaded strictly from the registry) → the regime of every day
/// and the as-of regime and volatility quadrant in <c>gold/{sleeve}/…/regime/run={run}/regime.json</c>. Runs only in
/// model pipelines (fitting is a model-pipeline step; a data manifest naming it fails validation).
/// </summary>
public sealed class RegimeStage : LakeStage<RegimeParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "alpha.regime";

    /// <summary>The gold dataset of the artifact.</summary>
    public const string Dataset = "regime";

    /// <summary>The artifact's file name.</summary>
    public const string FileName = "regime.json";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, RegimeParameters parameters, CancellationToken cancellationToken) =>
        SleeveDefinition.InputsAsync(context, StageDatasets.SleeveOf(context, parameters?.Sleeve), withSilver: true, [], cancellationToken);

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, RegimeParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        string sleeve = StageDatasets.SleeveOf(context, parameters.Sleeve);
        SleeveDefinition definition = await SleeveDefinition.ReadAsync(context, sleeve, cancellationToken);
        ReturnPanel universe = await definition.ReadUniverseReturnsAsync(context, cancellationToken);
        (DateOnly[] allDates, double[] allReturns, int daysWithoutReturn) = MarketBenchmark.EqualWeight(universe);
        int start = Math.Max(0, allDates.Length - parameters.TrainingDays);
        DateOnly[] dates = allDates[start..];
        double[] returns = allReturns[start..];

        var options = new RegimeOptions { Window = parameters.Window, Fit = new HmmFitOptions { States = parameters.States, Restarts = parameters.Restarts, Seed = parameters.Seed } };
        var registry = new ModelRegistry(context.Lake);
        RegimeModel model;
        ModelVersionEntry entry;
        bool fitted;
        if (parameters.ModelVersion is { } version)
        {
            (model, entry) = await RegisteredRegimeModel.LoadAsync(context.Lake, sleeve, parameters.ModelId, version, parameters.Window, cancellationToken);
            fitted = false;
        }
        else
        {
            model = RegimeDetector.Fit(returns, options);
            (entry, bool reused) = await registry.RegisterAsync(sleeve, parameters.ModelId, StageJson.ToBytes(model), Entry(context, parameters, model, definition, dates, returns), cancellationToken);
            fitted = !reused;
        }

        RegimeSeries series = RegimeDetector.Decode(model, dates, returns);
        JsonObject artifactJson = Artifact(context, parameters.ModelId, entry.Version, series);
        artifactJson["benchmark"] = Benchmark(definition);
        artifactJson["days_without_benchmark_return"] = daysWithoutReturn;
        artifactJson["warmup_dropped"] = series.WarmupDropped;
        LakePath path = StageDatasets.GoldFile(context, sleeve, Dataset, FileName);
        await LakeWrites.WriteBytesOnceAsync(context.Lake, path, StageJson.ToBytes(artifactJson), cancellationToken);

        var summary = new JsonObject
        {
            ["sleeve"] = sleeve,
            ["model_id"] = parameters.ModelId,
            ["version"] = entry.Version,
            ["fitted"] = fitted,
            ["label"] = artifactJson["label"]!.DeepClone(),
            ["quadrant"] = artifactJson["quadrant"]!.DeepClone(),
            ["cluster_cap"] = RegimeLabels.ClusterCap(series.Current),
            ["days"] = series.Dates.Length,
            ["warmup_dropped"] = series.WarmupDropped,
            ["days_without_benchmark_return"] = daysWithoutReturn,
            ["fit_metrics"] = entry.FitMetrics.DeepClone(),
        };
        await context.AuditAsync("alpha.regime", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult
        {
            RowsRead = universe.RowCount * (long)universe.ColumnCount,
            RowsWritten = series.Dates.Length,
            Outputs = [Output(Dataset, path), Output("model", ModelRegistry.ArtifactPath(sleeve, parameters.ModelId, SemVer.Parse(entry.Version)))],
            Summary = summary,
        };
    }

    /// <summary>The regime artifact (the cross-branch contract: model_id, version, as_of, label, quadrant, series[date, label, quadrant]).</summary>
    internal static JsonObject Artifact(StageContext context, string modelId, string version, RegimeSeries series)
    {
        var rows = new JsonArray();
        for (int i = 0; i < series.Dates.Length; i++)
        {
            rows.Add(new JsonObject
            {
                ["date"] = Day(series.Dates[i]),
                ["label"] = RegimeLabels.Name(series.Labels[i]),
                ["quadrant"] = VolatilityQuadrants.Name(series.Quadrants[i]),
            });
        }

        return new JsonObject
        {
            ["model_id"] = modelId,
            ["version"] = version,
            ["as_of"] = Day(DateOnly.FromDateTime(context.AsOf.UtcDateTime)),
            ["label"] = RegimeLabels.Name(series.Current),
            ["quadrant"] = VolatilityQuadrants.Name(series.CurrentQuadrant),
            ["series"] = rows,
        };
    }

    private static string Benchmark(SleeveDefinition definition) => "equal_weight:" + definition.Spec.Universe;

    private static ModelVersionEntry Entry(StageContext context, RegimeParameters p, RegimeModel model, SleeveDefinition definition, DateOnly[] dates, double[] returns)
    {
        byte[] bytes = new byte[dates.Length * 12];
        for (int i = 0; i < dates.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 12, 4), dates[i].DayNumber);
            BitConverter.TryWriteBytes(bytes.AsSpan((i * 12) + 4, 8), returns[i]);
        }

        RegimeFitMetrics m = model.Metrics;
        return new ModelVersionEntry
        {
            Version = string.Empty,
            Artifact = string.Empty,
            FeatureSchema = model.FeatureSchema,
            Parameters = new JsonObject
            {
                ["states"] = p.States,
                ["restarts"] = p.Restarts,
                ["window"] = p.Window,
                ["training_days"] = p.TrainingDays,
                ["seed"] = p.Seed,
                ["benchmark"] = Benchmark(definition),
            },
            TrainingWindow = new ModelTrainingWindow(dates[0], dates[^1], dates.Length),
            DatasetFingerprints = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [$"silver.{definition.Spec.Universe}.returns.equal_weight"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            },
            FitMetrics = new JsonObject
            {
                ["log_likelihood"] = m.LogLikelihood,
                ["bic"] = m.Bic,
                ["iterations"] = m.Iterations,
                ["converged"] = m.Converged,
                ["best_restart"] = m.BestRestart,
                ["restarts"] = m.Restarts,
                ["training_rows"] = m.TrainingRows,
                ["warmup_dropped"] = m.WarmupDropped,
            },
            RunId = context.RunId.ToString(),
        };
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
