using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Reporting;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;
using QuantFunctions.Stages.Datasets;
using QuantFunctions.Stages.Meta;

namespace QuantFunctions.Stages.Reporting;

/// <summary>
/// Resolves the benchmark of <c>report.tearsheet</c> (parameter <c>benchmark</c>):
/// <list type="bullet">
/// <item><c>auto</c> (default) — a sleeve: the equal-weight, daily-rebalanced return of its universe's silver returns
/// (the mean of the symbols observed that day); a meta-portfolio: the equal-weight mix of its sleeves' net returns
/// (aligned on common sessions as <c>meta.aggregate</c> aligns them); nothing when neither is found;</item>
/// <item><c>none</c> — no benchmark;</item>
/// <item>any other value — that symbol of the sleeve universe's silver returns.</item>
/// </list>
/// Dates of the backtest without a benchmark observation count as 0 and are reported (<see cref="BenchmarkSeries.MissingDates"/>).
/// </summary>
public static class TearsheetBenchmark
{
    /// <summary>The default: the universe (or the sleeves) equal-weighted.</summary>
    public const string Auto = "auto";

    /// <summary>No benchmark.</summary>
    public const string None = "none";

    /// <summary>Resolves the benchmark onto <paramref name="dates"/>.</summary>
    /// <param name="context">The stage context.</param>
    /// <param name="sleeve">The sleeve or meta-portfolio id.</param>
    /// <param name="definition">The sleeve's definition, or null for a meta-portfolio.</param>
    /// <param name="choice">The parameter value (null = <see cref="Auto"/>).</param>
    /// <param name="dates">The backtest's dates.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The benchmark, or null.</returns>
    /// <exception cref="DomainValidationException"><see cref="ErrorCodes.ReportBenchmarkUnknown"/>: a symbol not in the universe, or a symbol for a meta-portfolio.</exception>
    public static async Task<BenchmarkSeries?> ResolveAsync(StageContext context, string sleeve, SleeveDefinition? definition, string? choice, DateOnly[] dates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        choice = string.IsNullOrEmpty(choice) ? Auto : choice;
        if (choice == None)
        {
            return null;
        }

        if (definition is not null)
        {
            ReturnPanel universe = await definition.ReadUniverseReturnsAsync(context, cancellationToken);
            if (choice == Auto)
            {
                return Benchmarks.Align($"equal-weight {definition.Spec.Universe}", universe.Dates, Benchmarks.EqualWeight(universe), dates);
            }

            int column = universe.IndexOf(choice);
            return column >= 0
                ? Benchmarks.Align(choice, universe.Dates, universe.Column(column).ToArray(), dates)
                : throw new DomainValidationException(
                    ErrorCodes.ReportBenchmarkUnknown, $"tear sheet of '{sleeve}': benchmark '{choice}' is not a symbol of universe '{definition.Spec.Universe}' ({universe.ColumnCount} symbols); use a symbol, '{Auto}' or '{None}'.");
        }

        if (choice != Auto)
        {
            throw new DomainValidationException(
                ErrorCodes.ReportBenchmarkUnknown, $"tear sheet of '{sleeve}': benchmark '{choice}' needs a sleeve universe, and '{sleeve}' has none (a meta-portfolio); use '{Auto}' or '{None}'.");
        }

        return await EqualWeightSleevesAsync(context, sleeve, dates, cancellationToken);
    }

    private static async Task<BenchmarkSeries?> EqualWeightSleevesAsync(StageContext context, string meta, DateOnly[] dates, CancellationToken cancellationToken)
    {
        LakeObjectInfo? info = await context.Lake.GetInfoAsync(StageDatasets.GoldPart(context, meta, AggregateStage.SleeveWeightsDataset), cancellationToken);
        if (info is null)
        {
            return null;
        }

        LakeTable weights = await LakeTableStore.ReadAsync(context.Lake, info.Path, cancellationToken: cancellationToken);
        string[] sleeves = weights.Strings("sleeve");
        var streams = new List<DatedSeries>(sleeves.Length);
        foreach (string sleeve in sleeves)
        {
            LakeTable backtest = await LakeTableStore.ReadAsync(context.Lake, StageDatasets.GoldPart(context, sleeve, BacktestTable.Dataset), cancellationToken: cancellationToken);
            streams.Add(BacktestTable.NetReturns(backtest, sleeve));
        }

        ReturnPanel aligned = CompoundedAlignment.Align(streams).Panel;
        return Benchmarks.Align($"equal-weight sleeves ({sleeves.Length})", aligned.Dates, Benchmarks.EqualWeight(aligned), dates);
    }
}
