using System.Text.Json;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Meta;

/// <summary>Where <c>meta.aggregate</c> reads one sleeve's outputs: this run, or a completed run pinned by <see cref="AggregateParameters.SleeveRuns"/>.</summary>
/// <param name="Sleeve">The sleeve.</param>
/// <param name="Paths">The run paths of the run that built it.</param>
internal sealed record SleeveSource(string Sleeve, RunPaths Paths)
{
    /// <summary>The sleeve's source in the context's run, or its pinned run.</summary>
    /// <exception cref="Core.Market.DomainValidationException">A pin that is not <c>pipeline@version/run_id</c>.</exception>
    public static SleeveSource Of(StageContext context, AggregateParameters parameters, string sleeve)
    {
        if (!parameters.SleeveRuns.TryGetValue(sleeve, out string? pin))
        {
            return new SleeveSource(sleeve, context.Paths);
        }

        int at = pin.IndexOf('@', StringComparison.Ordinal), slash = pin.IndexOf('/', StringComparison.Ordinal);
        if (at <= 0 || slash <= at + 1 || slash == pin.Length - 1)
        {
            throw new Core.Market.DomainValidationException(ErrorCodes.InvalidArgument, $"meta.aggregate: sleeve_runs['{sleeve}'] = '{pin}' is not pipeline@version/run_id");
        }

        return new SleeveSource(sleeve, new RunPaths(context.Scope, LakeIdentifier.Parse(pin[..at], "pipeline"), SemVer.Parse(pin[(at + 1)..slash]), RunId.Parse(pin[(slash + 1)..])));
    }

    /// <summary>The run id the sleeve comes from.</summary>
    public string SourceRun => Paths.RunId.Value;

    /// <summary>The single Parquet part of one of the sleeve's gold datasets.</summary>
    public LakePath Part(string dataset) => Paths.GoldPart(LakeIdentifier.Parse(Sleeve, "sleeve"), LakeIdentifier.Parse(dataset, "dataset"));

    /// <summary>The sleeve's gold dataset as a stage input.</summary>
    public StageInput Input(string dataset) =>
        new($"gold.{Sleeve}.{dataset}", Paths.PipelineId, Paths.PipelineVersion, [Paths.GoldRun(LakeIdentifier.Parse(Sleeve, "sleeve"), LakeIdentifier.Parse(dataset, "dataset"))]);

    /// <summary>The table of one of the sleeve's datasets, or null when it was not written.</summary>
    public async Task<LakeTable?> TryReadAsync(ILakeStore lake, string dataset, CancellationToken cancellationToken) =>
        await lake.GetInfoAsync(Part(dataset), cancellationToken) is { } info ? await LakeTableStore.ReadAsync(lake, info.Path, cancellationToken: cancellationToken) : null;

    /// <summary>The sleeve definition alpha.select recorded in the source run, or null.</summary>
    public async Task<SleeveDefinition?> TryReadDefinitionAsync(ILakeStore lake, CancellationToken cancellationToken)
    {
        LakeObject? obj = await lake.TryReadAsync(Paths.GoldFile(LakeIdentifier.Parse(Sleeve, "sleeve"), LakeIdentifier.Parse("spec"), "sleeve.json"), cancellationToken);
        return obj is null ? null : JsonSerializer.Deserialize<SleeveDefinition>(obj.Content.Span, StageJson.Options);
    }
}
