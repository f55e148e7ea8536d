using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Strategies;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Promotion;

namespace QuantFunctions.Stages.Meta;

/// <summary>
/// The run contract between runs (seed 000 Pillar 4): a meta-portfolio holds a pinned sleeve run
/// (<see cref="AggregateParameters.SleeveRuns"/>) only when that run exists in the scope, is of the pinned pipeline and
/// version, and <c>quant validate-run</c> recorded it valid (<see cref="RunValidator.IsValidatedAsync"/>).
/// </summary>
internal static class PinnedSleeveRuns
{
    /// <summary>Checks every pinned run once, in sleeve order.</summary>
    /// <exception cref="MetaGateException"><see cref="ErrorCodes.MetaSleeveRunUnvalidated"/>, naming the run, its sleeve and what is missing.</exception>
    public static async Task EnsureValidatedAsync(StageContext context, AggregateParameters parameters, CancellationToken cancellationToken)
    {
        var records = new RunRecordStore(context.Lake);
        var checkedRuns = new HashSet<string>(StringComparer.Ordinal);
        foreach (string sleeve in parameters.Sleeves)
        {
            if (!parameters.SleeveRuns.ContainsKey(sleeve))
            {
                continue;
            }

            SleeveSource source = SleeveSource.Of(context, parameters, sleeve);
            if (!checkedRuns.Add(source.SourceRun))
            {
                continue;
            }

            RunRecord? run = (await records.ReadRunAsync(context.Scope, source.Paths.RunId, cancellationToken))?.Value;
            string missing = run is null
                ? $"there is no run '{source.SourceRun}' in scope '{context.Scope}'"
                : run.PipelineId != source.Paths.PipelineId || run.PipelineVersion != source.Paths.PipelineVersion
                    ? $"run '{source.SourceRun}' is of {run.PipelineId}@{run.PipelineVersion}, not {source.Paths.PipelineId}@{source.Paths.PipelineVersion}"
                    : await RunValidator.IsValidatedAsync(context.Lake, run, cancellationToken)
                        ? string.Empty
                        : await RunValidator.DescribeMissingAsync(context.Lake, run, cancellationToken);
            if (missing.Length > 0)
            {
                throw new MetaGateException(ErrorCodes.MetaSleeveRunUnvalidated,
                    $"meta.aggregate accepts only validated sleeve runs: sleeve_runs['{sleeve}'] = '{parameters.SleeveRuns[sleeve]}' is not validated — {missing}", source.SourceRun);
            }
        }
    }
}
