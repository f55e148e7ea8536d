using QuantFunctions.DataOps.Providers;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;
using QuantFunctions.Stages.DataOps;
using QuantFunctions.Stages.Meta;
using QuantFunctions.Stages.Paper;
using QuantFunctions.Stages.Reporting;
using QuantFunctions.Stages.Tournaments;
using QuantFunctions.Stages.Validation;

namespace QuantFunctions.Stages;

/// <summary>Registers the shipped stages under their stable ids.</summary>
public static class StageCatalog
{
    /// <summary>Adds every shipped stage to <paramref name="builder"/>.</summary>
    /// <param name="builder">The registry builder.</param>
    /// <param name="http">
    /// The market data HTTP clients of <c>dataops.ingest</c>; null (for listing stages and their schemas) builds default ones
    /// when an ingest stage is first created.
    /// </param>
    public static StageRegistryBuilder AddQuantStages(this StageRegistryBuilder builder, MarketDataHttp? http = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var ingestHttp = new Lazy<MarketDataHttp>(() => http ?? MarketDataHttp.Create(new OutboundHttpOptions(), TimeProvider.System));
        return builder
            .Add<SyntheticMarketStage, SyntheticMarketParameters>(SyntheticMarketStage.Id, "Seeded synthetic crypto (24×7) and equity markets → raw and bronze daily OHLCV.", PipelineKind.Data)
            .Add<IngestParameters>(IngestStage.Id, "Provider discovery → candidates file → incremental, idempotent bronze ingestion with a coverage artifact.", PipelineKind.Data, () => new IngestStage(ingestHttp.Value))
            .Add<HealthStage, HealthParameters>(HealthStage.Id, "Bronze bars → health registry and Markdown summary per universe (HEALTHY / DEGRADED / DROPPED and why).", PipelineKind.Data)
            .Add<ReturnsStage, ReturnsParameters>(ReturnsStage.Id, "Bronze bars → silver daily returns per universe (calendar-safe, never padded; DROPPED symbols excluded).", PipelineKind.Data)
            .Add<FeaturesStage, FeaturesParameters>(FeaturesStage.Id, "Bronze bars → silver point-in-time feature store per universe (ts, known_at, every feature).", PipelineKind.Data)
            .Add<SelectStage, SelectParameters>(SelectStage.Id, "Universe selection from silver returns and the PIT feature store: Foundation Gate, vetoes, the sleeve's standard (v2.1, v3.2, v3.4, v4, v5, v5.1) under HTR v3.4; writes winners, candidates and the funnel.", PipelineKind.Model)
            .Add<RegimeStage, RegimeParameters>(RegimeStage.Id, "Equal-weight universe returns → HMM regime model (fitted and registered, or a registered version loaded strictly) → regime per day, as-of regime and volatility quadrant.", PipelineKind.Model)
            .Add<SynthesizeStage, SleeveParameters>(SynthesizeStage.Id, "Selection → strategy atoms and their return streams (SHORT = −min(r, 1)).", PipelineKind.Model)
            .Add<AllocateStage, AllocateParameters>(AllocateStage.Id, "Atom streams → weights with a named allocation engine and its fallback chain.", PipelineKind.Model)
            .Add<FlattenStage, SleeveParameters>(FlattenStage.Id, "Atom weights → net physical weights per symbol.", PipelineKind.Model)
            .Add<BacktestStage, BacktestParameters>(BacktestStage.Id, "Walk-forward validation of the sleeve decision with slippage and commission.", PipelineKind.Model)
            .Add<TearsheetStage, TearsheetParameters>(TearsheetStage.Id, "Tear sheet (Markdown, HTML with SVG charts, metrics.json) of a stored backtest.", PipelineKind.Model)
            .Add<AggregateStage, AggregateParameters>(AggregateStage.Id, "Meta-portfolio of sleeve streams, gated by completeness, walk-forward weights.", PipelineKind.Model)
            .Add<ParityStage, ParityParameters>(ParityStage.Id, "Simulator matrix sanity of a meta run: its decisions re-simulated under T1, T2 and T3 → parity.json (promotion evidence).", PipelineKind.Model)
            .Add<OrdersStage, OrdersParameters>(OrdersStage.Id, "Meta target weights + current book + last close → lot-sized orders with the decision trail (orders.json), audited.", PipelineKind.Model)
            .Add<PaperStepStage, PaperStepParameters>(PaperStepStage.Id, "One paper trading day: fills at the open, marks, risk limits and kill switch, next orders; book, fills and PnL audited.", PipelineKind.Model)
            .Add<PaperResumeStage, PaperResumeParameters>(PaperResumeStage.Id, "Clears a tripped paper kill switch with an audited reason.", PipelineKind.Model)
            .Add<TournamentSelectStage, TournamentParameters>(TournamentSelectStage.Id, "The books of one tournament selection (standard × lookback × step): long and disjoint short winners per window, shared by the cells.", PipelineKind.Model)
            .Add<TournamentCellStage, TournamentParameters>(TournamentCellStage.Id, "One tournament cell (standard × engine × profile × simulator): walk-forward simulation, cached per cell as Parquet.", PipelineKind.Model)
            .Add<TournamentScoreboardStage, TournamentParameters>(TournamentScoreboardStage.Id, "Strict scoreboard of a tournament's cells with equal-weight and benchmark baselines; the winner's record.", PipelineKind.Model);
    }
}
