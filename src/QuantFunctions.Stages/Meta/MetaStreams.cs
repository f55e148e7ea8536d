using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Meta;

/// <summary>
/// The meta-portfolio's inputs and decisions, shared by <c>meta.aggregate</c> (which builds them) and
/// <c>validate.parity</c> (which re-simulates them): each sleeve's out-of-sample net returns, from this run or its pinned
/// run, and the walk-forward plan of the engine across their common-calendar alignment.
/// </summary>
/// <param name="Sources">Where each sleeve was read from, in sleeve order.</param>
/// <param name="Streams">The net return streams of the sleeves that have a backtest (a missing one is absent).</param>
/// <param name="RowsRead">Backtest rows read.</param>
internal sealed record MetaStreams(IReadOnlyList<SleeveSource> Sources, IReadOnlyList<DatedSeries> Streams, long RowsRead)
{
    /// <summary>Reads every sleeve's backtest.</summary>
    public static async Task<MetaStreams> ReadAsync(StageContext context, AggregateParameters parameters, CancellationToken cancellationToken)
    {
        var streams = new List<DatedSeries>(parameters.Sleeves.Count);
        var sources = new List<SleeveSource>(parameters.Sleeves.Count);
        long rowsRead = 0;
        foreach (string sleeve in parameters.Sleeves)
        {
            SleeveSource source = SleeveSource.Of(context, parameters, sleeve);
            sources.Add(source);
            LakeTable? backtest = await source.TryReadAsync(context.Lake, BacktestTable.Dataset, cancellationToken);
            if (backtest is null)
            {
                continue; // meta.aggregate's completeness gate reports it, with every other missing sleeve
            }

            streams.Add(BacktestTable.NetReturns(backtest, sleeve));
            rowsRead += backtest.RowCount;
        }

        return new MetaStreams(sources, streams, rowsRead);
    }

    /// <summary>The streams in sleeve order aligned on their common sessions by compounding, and the returns not aligned per sleeve.</summary>
    public (ReturnPanel Aligned, int[] Dropped) Align(AggregateParameters parameters)
    {
        var ordered = new List<DatedSeries>(parameters.Sleeves.Count);
        foreach (string sleeve in parameters.Sleeves)
        {
            ordered.Add(Streams.First(s => s.Name == sleeve));
        }

        return CompoundedAlignment.Align(ordered);
    }

    /// <summary>The meta decisions: the engine on each walk-forward training window of <paramref name="aligned"/>.</summary>
    public static WalkForwardPlan Plan(ReturnPanel aligned, AggregateParameters parameters) =>
        WalkForwardBacktester.Plan(aligned, Allocator(parameters), parameters.ToOptions());

    /// <summary>The meta backtest of <paramref name="aligned"/> under the parameters' simulator.</summary>
    public static BacktestResult Backtest(ReturnPanel aligned, AggregateParameters parameters) =>
        WalkForwardBacktester.Run(aligned, Allocator(parameters), parameters.ToOptions(), Simulator(parameters), prices: null);

    /// <summary>The simulator of the meta rebalances (<see cref="AggregateParameters.Simulator"/>).</summary>
    public static ISimulator Simulator(AggregateParameters parameters) => Simulators.Create(Simulators.Parse(parameters.Simulator));

    private static WindowAllocator Allocator(AggregateParameters parameters) =>
        window => PanelAllocator.Weights(PanelAllocator.Allocate(window, parameters.Engine, parameters.PeriodsPerYear).Result);
}
