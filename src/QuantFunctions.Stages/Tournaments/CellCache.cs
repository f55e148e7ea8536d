using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tournaments;

/// <summary>
/// Where a tournament's cells persist across runs (000 §11.7 incremental persistence):
/// <c>gold/{tournament}/{pipeline}/version={v}/cells/run=c-{key}/{cell}.parquet</c>, and the books the cells trade
/// (<c>tournament.select</c>) beside them in <c>books/run=c-{key}/{selection}.parquet</c>, with the returns panel they
/// read in <c>panel/run=c-{key}/returns.parquet</c>. The key (16 hex characters of a
/// SHA-256) covers everything a cell's result depends on besides the cell itself — the published DataOps run and the
/// fingerprints of the universe's silver files, the as-of, the universe and every shared cell parameter — so a rerun
/// over the same data and parameters finds the cells it already computed and computes only the missing ones, and any
/// change of data or parameters starts a new folder. The <c>run=</c> segment holds this key, not a run id.
/// </summary>
/// <param name="Tournament">The tournament id.</param>
/// <param name="Key">The cache key (<c>c-</c> + 16 hex characters).</param>
/// <param name="Paths">The lake paths of the cache folder.</param>
/// <param name="SourceRun">The DataOps run the cells read.</param>
public sealed record CellCache(string Tournament, string Key, RunPaths Paths, string SourceRun)
{
    /// <summary>The gold dataset of the cells.</summary>
    public const string Dataset = "cells";

    /// <summary>The gold dataset of the selections (<see cref="BooksTable"/>), one file per <see cref="Core.Tournaments.CellSelection"/>.</summary>
    public const string BooksDataset = "books";

    /// <summary>The stored record of a cell.</summary>
    public LakePath CellPath(string cellId) => Paths.GoldFile(LakeIdentifier.Parse(Tournament, "tournament"), LakeIdentifier.Parse(Dataset), cellId + ".parquet");

    /// <summary>The stored returns panel every cell reads (<see cref="PanelTable"/>).</summary>
    public LakePath PanelPath() => Paths.GoldFile(LakeIdentifier.Parse(Tournament, "tournament"), LakeIdentifier.Parse("panel"), "returns.parquet");

    /// <summary>The stored books of a selection (its id: <c>standard[__lookback__step]</c>).</summary>
    public LakePath BooksPath(string selectionId) => Paths.GoldFile(LakeIdentifier.Parse(Tournament, "tournament"), LakeIdentifier.Parse(BooksDataset), selectionId + ".parquet");

    /// <summary>Resolves the cache of the context's tournament from the published hand-off.</summary>
    /// <exception cref="SourceHandoffException">No hand-off is published, or it is of another version.</exception>
    public static async Task<CellCache> OpenAsync(StageContext context, TournamentParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        LakeIdentifier scope = LakeIdentifier.Parse(parameters.SourceScope, "source_scope");
        LakeIdentifier pipeline = LakeIdentifier.Parse(parameters.SourcePipeline, "source_pipeline");
        DataHandoff handoff = await DataHandoffStore.ReadAsync(context.Lake, scope, pipeline, cancellationToken)
            ?? throw new SourceHandoffException($"node '{context.NodeKey}': no DataOps hand-off at {LakePathResolver.PipelineLatest(scope, pipeline)}: run '{parameters.SourcePipeline}' to success first");
        if (!string.Equals(handoff.Version, parameters.SourceVersion, StringComparison.Ordinal))
        {
            throw new SourceHandoffException(ErrorCodes.HandoffMismatch, $"node '{context.NodeKey}': the hand-off of '{parameters.SourcePipeline}' publishes version {handoff.Version} but source_version is {parameters.SourceVersion}");
        }

        string silver = StageDatasets.SilverReturns(parameters.Universe, parameters.SourcePipeline, parameters.SourceVersion).Value + "/";
        var text = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        text.Append(c, $"run={handoff.RunId};as_of={context.AsOf:O};universe={parameters.Universe};floor={parameters.Floor};lookback={parameters.Lookback};");
        text.Append(c, $"allocation_lookback={parameters.AllocationLookback};ppy={parameters.PeriodsPerYear};train={parameters.TrainDays};test={parameters.TestDays};step={parameters.StepDays};");
        text.Append(c, $"slippage={parameters.SlippageBps:R};commission={parameters.CommissionBps:R};");
        foreach (KeyValuePair<string, string> fingerprint in handoff.Fingerprints)
        {
            if (fingerprint.Key.StartsWith(silver, StringComparison.Ordinal))
            {
                text.Append(c, $"{fingerprint.Key}={fingerprint.Value};");
            }
        }

        string key = "c-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
        return new CellCache(parameters.Tournament, key, new RunPaths(context.Scope, context.PipelineId, context.PipelineVersion, RunId.Parse(key)), handoff.RunId);
    }
}
