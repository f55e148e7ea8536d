using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;
using QuantFunctions.Stages.Meta;

namespace QuantFunctions.Stages.Validation;

/// <summary>
/// <c>validate.parity</c>: the simulator matrix sanity of a meta run (seed 002 §4), the evidence of <c>quant promote</c>'s
/// <c>simulator_sanity</c> gate. Rebuilds the meta-portfolio's decisions from the sleeve streams exactly as
/// <c>meta.aggregate</c> did, checks that the run's simulator on them reproduces the run's recorded meta backtest, then re-simulates them
/// under T1, T2 and T3 (<see cref="SimulatorParity"/>: frictionless agreement to 1e-10, T2 vs T3 with friction within the
/// derived bound, friction decay) and writes <c>gold/{meta}/…/simulators/run={run}/parity.json</c>
/// (<c>within_bounds</c>, <c>detail</c> and every measurement).
/// </summary>
public sealed class ParityStage : LakeStage<ParityParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "validate.parity";

    /// <summary>The gold dataset the parity record is written under.</summary>
    public const string Dataset = "simulators";

    /// <summary>The parity record's file name.</summary>
    public const string FileName = "parity.json";

    // The recorded meta backtest and the rebuilt one run the same code on the same inputs: any difference is a fault.
    private const double ReproductionTolerance = 1e-12;

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, ParityParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        var inputs = new List<StageInput>(parameters.Sleeves.Count + 1) { new($"gold.{parameters.Meta}.{BacktestTable.Dataset}", context.PipelineId, context.PipelineVersion, [StageDatasets.GoldPart(context, parameters.Meta, BacktestTable.Dataset)]) };
        foreach (string sleeve in parameters.Sleeves)
        {
            inputs.Add(SleeveSource.Of(context, parameters, sleeve).Input(BacktestTable.Dataset));
        }

        return Task.FromResult<IReadOnlyList<StageInput>>(inputs);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, ParityParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        MetaStreams read = await MetaStreams.ReadAsync(context, parameters, cancellationToken);
        (ReturnPanel aligned, _) = read.Align(parameters);
        WalkForwardPlan plan = MetaStreams.Plan(aligned, parameters);
        LakeTable recordedTable = await LakeTableStore.ReadAsync(context.Lake, StageDatasets.GoldPart(context, parameters.Meta, BacktestTable.Dataset), cancellationToken: cancellationToken);
        DatedSeries recorded = BacktestTable.NetReturns(recordedTable, parameters.Meta);
        double reproduction = ReproductionGap(MetaStreams.Simulator(parameters).Simulate(plan, null), recorded);
        SimulatorParityReport report = SimulatorParity.Check(plan, parameters.MaxFrictionDecay);
        bool reproduces = reproduction <= ReproductionTolerance;
        bool within = reproduces && report.WithinBounds;
        JsonObject document = ToJson(report, reproduction, reproduces, within, plan);
        LakePath file = StageDatasets.GoldFile(context, parameters.Meta, Dataset, FileName);
        await LakeWrites.WriteBytesOnceAsync(context.Lake, file, StageJson.ToBytes(document), cancellationToken);
        var summary = new JsonObject { ["meta"] = parameters.Meta, ["within_bounds"] = within, ["detail"] = document["detail"]!.GetValue<string>() };
        await context.AuditAsync("validate.parity", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = read.RowsRead + recordedTable.RowCount, RowsWritten = 0, Outputs = [Output("parity", file)], Summary = summary };
    }

    // Max |Δ| between the rebuilt T2 net returns and the recorded ones; infinity when the dates differ.
    private static double ReproductionGap(BacktestResult rebuilt, DatedSeries recorded)
    {
        if (rebuilt.Dates.Length != recorded.Dates.Length)
        {
            return double.PositiveInfinity;
        }

        double gap = 0;
        for (int d = 0; d < rebuilt.Dates.Length; d++)
        {
            gap = rebuilt.Dates[d] == recorded.Dates[d] ? Math.Max(gap, Math.Abs(rebuilt.NetReturns[d] - recorded.Values[d])) : double.PositiveInfinity;
        }

        return gap;
    }

    private static JsonObject ToJson(SimulatorParityReport r, double reproduction, bool reproduces, bool within, WalkForwardPlan plan)
    {
        var failed = new List<string>();
        if (!reproduces)
        {
            failed.Add($"the rebuilt decisions do not reproduce the recorded meta backtest (max |Δ| {Number(reproduction)})");
        }

        if (!r.FrictionlessAgrees)
        {
            failed.Add($"frictionless T1/T2/T3 disagree: max |Δ| T2 {Number(r.FrictionlessMaxDiffT2)}, T3 {Number(r.FrictionlessMaxDiffT3)} > {Number(r.FrictionlessTolerance)}");
        }

        if (!r.FrictionWithinBound)
        {
            failed.Add($"with friction T3 leaves the derived bound of T2 (worst gap / bound {Number(r.FrictionWorstRatio)})");
        }

        if (!r.DecayWithinBound)
        {
            failed.Add($"friction decay {Number(r.FrictionDecay)} is outside [0, {Number(r.MaxFrictionDecay)}]");
        }

        string detail = within
            ? $"T1/T2/T3 agree to {Number(r.FrictionlessMaxDiffT3 > r.FrictionlessMaxDiffT2 ? r.FrictionlessMaxDiffT3 : r.FrictionlessMaxDiffT2)} frictionless; with friction |E3/E2 - 1| <= {Number(r.FrictionMaxGap)} ({Number(r.FrictionWorstRatio * 100)} % of the derived bound); friction decay {Number(r.FrictionDecay)} Sharpe"
            : string.Join("; ", failed);
        return new JsonObject
        {
            ["within_bounds"] = within,
            ["detail"] = detail,
            ["days"] = r.Days,
            ["decisions"] = plan.Targets.Count,
            ["reproduction"] = new JsonObject { ["max_abs_diff"] = Finite(reproduction), ["tolerance"] = ReproductionTolerance, ["passed"] = reproduces },
            ["frictionless"] = new JsonObject
            {
                ["max_abs_diff_t2"] = r.FrictionlessMaxDiffT2, ["max_abs_diff_t3"] = r.FrictionlessMaxDiffT3, ["tolerance"] = r.FrictionlessTolerance, ["passed"] = r.FrictionlessAgrees,
            },
            ["friction"] = new JsonObject
            {
                ["slippage_bps"] = plan.Options.SlippageBps, ["commission_bps"] = plan.Options.CommissionBps, ["max_gap"] = r.FrictionMaxGap,
                ["worst_gap_over_bound"] = Finite(r.FrictionWorstRatio), ["bound_at_end"] = r.FrictionBoundAtEnd, ["passed"] = r.FrictionWithinBound,
            },
            ["friction_decay"] = new JsonObject
            {
                ["gross_sharpe"] = Finite(r.GrossSharpe), ["net_sharpe"] = Finite(r.NetSharpe), ["decay"] = Finite(r.FrictionDecay), ["max"] = r.MaxFrictionDecay, ["passed"] = r.DecayWithinBound,
            },
        };
    }

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    private static string Number(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
}
