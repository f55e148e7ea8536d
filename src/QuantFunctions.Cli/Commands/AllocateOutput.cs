using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Risk;
using Spectre.Console;

namespace QuantFunctions.Cli.Commands;

/// <summary>Prints an <see cref="AllocateRun"/> as tables or as one JSON document.</summary>
internal static partial class AllocateOutput
{
    /// <summary>One JSON document: input, risk model, weights (by asset), diagnostics, constraint report, fallback steps.</summary>
    public static string Json(AllocateRun run)
    {
        AllocationResult r = run.Result;
        var weights = new Dictionary<string, double>(r.Assets.Count, StringComparer.Ordinal);
        for (int i = 0; i < r.Assets.Count; i++)
        {
            weights[r.Assets[i]] = r.Weights[i];
        }

        var checks = new List<CheckDocument>(r.ConstraintReport.Checks.Count);
        foreach (ConstraintCheck c in r.ConstraintReport.Checks)
        {
            checks.Add(new CheckDocument(c.Name, c.Value, c.Lower, c.Upper, c.Slack, c.Passed));
        }

        var steps = new List<StepDocument>(r.FallbackSteps.Count);
        foreach (FallbackStep s in r.FallbackSteps)
        {
            steps.Add(new StepDocument(s.Engine, s.NeutralityTolerance, s.Succeeded, s.Reason));
        }

        RowLabels? index = run.Data.RowLabels;
        var document = new Document(
            run.Source,
            run.FromPrices ? "prices" : "returns",
            run.Returns.ColumnCount,
            run.Returns.RowCount,
            index is null ? null : new IndexDocument(index.Name, index.Labels[0], index.Labels[^1]),
            new RiskModelDocument(
                AllocateCommand.RiskModelName(run.RiskModel.Kind),
                run.RiskModel.ExpectedReturnMethod.ToString().ToLowerInvariant(),
                run.RiskModel.PeriodsPerYear,
                run.Estimate?.Shrinkage,
                run.Estimate?.Ridge is { } ridge ? new RidgeDocument(ridge.Lambda, ridge.ConditionBefore, ridge.ConditionAfter, ridge.Bound) : null),
            r.RequestedEngine,
            r.Engine,
            r.Success,
            r.FailureReason,
            weights,
            r.Diagnostics,
            new ReportDocument(r.ConstraintReport.Tolerance, r.ConstraintReport.AllPassed, checks),
            steps);
        return JsonSerializer.Serialize(document, AllocateJson.Default.Document);
    }

    /// <summary>Tables: weights, diagnostics and risk model, constraint report, fallback steps; then the outcome.</summary>
    public static void Print(IAnsiConsole console, AllocateRun run)
    {
        AllocationResult r = run.Result;
        string span = run.Data.RowLabels is { } index ? $", {index.Labels[0]} … {index.Labels[^1]}" : string.Empty;
        console.WriteLine(
            $"{run.Source}: {run.Returns.ColumnCount} assets × {run.Returns.RowCount} periods of returns{(run.FromPrices ? " (from prices)" : string.Empty)}{span}");
        console.WriteLine(
            $"risk model {AllocateCommand.RiskModelName(run.RiskModel.Kind)}, {run.RiskModel.ExpectedReturnMethod.ToString().ToLowerInvariant()} μ, {run.RiskModel.PeriodsPerYear.ToString(CultureInfo.InvariantCulture)} periods/year · engine {r.RequestedEngine}{(r.Engine == r.RequestedEngine ? string.Empty : " → " + r.Engine)}");

        var weights = new Table().Border(TableBorder.Simple).Title("weights");
        weights.AddColumn("asset");
        weights.AddColumn(new TableColumn("weight").RightAligned());
        for (int i = 0; i < r.Assets.Count; i++)
        {
            weights.AddRow(Markup.Escape(r.Assets[i]), Number(r.Weights[i], "F6"));
        }

        console.Write(weights);

        var diagnostics = new Table().Border(TableBorder.Simple).Title("diagnostics");
        diagnostics.AddColumn("name");
        diagnostics.AddColumn(new TableColumn("value").RightAligned());
        foreach (KeyValuePair<string, double> d in r.Diagnostics)
        {
            diagnostics.AddRow(Markup.Escape(d.Key), Number(d.Value, "G8"));
        }

        if (run.Estimate?.Shrinkage is double delta)
        {
            diagnostics.AddRow("risk_model.shrinkage", Number(delta, "G8"));
        }

        if (run.Estimate?.Ridge is { } ridge)
        {
            diagnostics.AddRow("risk_model.ridge_lambda", Number(ridge.Lambda, "G8"));
            diagnostics.AddRow("risk_model.condition_before", Number(ridge.ConditionBefore, "G8"));
            diagnostics.AddRow("risk_model.condition_after", Number(ridge.ConditionAfter, "G8"));
        }

        console.Write(diagnostics);

        var report = new Table().Border(TableBorder.Simple).Title($"constraint report (tolerance {Number(r.ConstraintReport.Tolerance, "G3")})");
        report.AddColumn("constraint");
        report.AddColumn(new TableColumn("value").RightAligned());
        report.AddColumn(new TableColumn("lower").RightAligned());
        report.AddColumn(new TableColumn("upper").RightAligned());
        report.AddColumn(new TableColumn("slack").RightAligned());
        report.AddColumn("result");
        foreach (ConstraintCheck c in r.ConstraintReport.Checks)
        {
            report.AddRow(
                Markup.Escape(c.Name), Number(c.Value, "G8"), Number(c.Lower, "G8"), Number(c.Upper, "G8"), Number(c.Slack, "G4"), c.Passed ? "[green]pass[/]" : "[red]FAIL[/]");
        }

        console.Write(report);

        if (r.FallbackSteps.Count > 0)
        {
            var steps = new Table().Border(TableBorder.Simple).Title("fallback steps");
            steps.AddColumn(new TableColumn("#").RightAligned());
            steps.AddColumn("engine");
            steps.AddColumn(new TableColumn("neutrality tol.").RightAligned());
            steps.AddColumn("outcome");
            steps.AddColumn("reason");
            for (int i = 0; i < r.FallbackSteps.Count; i++)
            {
                FallbackStep s = r.FallbackSteps[i];
                steps.AddRow(
                    (i + 1).ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(s.Engine),
                    s.NeutralityTolerance is double t ? Number(t, "G3") : "—",
                    s.Succeeded ? "[green]ok[/]" : "[red]failed[/]",
                    Markup.Escape(s.Reason));
            }

            console.Write(steps);
        }

        if (r.Success)
        {
            console.MarkupLine($"[green]allocation succeeded[/] ({Markup.Escape(r.Engine)})");
        }
        else
        {
            console.MarkupLine($"[red]allocation failed[/]: {Markup.Escape(r.FailureReason ?? "constraints violated")}");
        }
    }

    private static string Number(double value, string format) =>
        double.IsPositiveInfinity(value) ? "+∞" : double.IsNegativeInfinity(value) ? "−∞" : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The JSON contract, generated at compile time (no reflection-based serializer to warm up in a short-lived process).</summary>
    [JsonSourceGenerationOptions(
        WriteIndented = true,
        PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    [JsonSerializable(typeof(Document))]
    private sealed partial class AllocateJson : JsonSerializerContext;

    private sealed record Document(
        string File,
        string Input,
        int Assets,
        int Periods,
        IndexDocument? Index,
        RiskModelDocument RiskModel,
        string RequestedEngine,
        string Engine,
        bool Success,
        string? FailureReason,
        IReadOnlyDictionary<string, double> Weights,
        IReadOnlyDictionary<string, double> Diagnostics,
        ReportDocument ConstraintReport,
        IReadOnlyList<StepDocument> FallbackSteps);

    private sealed record IndexDocument(string Column, string First, string Last);

    private sealed record RiskModelDocument(string Kind, string ExpectedReturns, int PeriodsPerYear, double? Shrinkage, RidgeDocument? Ridge);

    private sealed record RidgeDocument(double Lambda, double ConditionBefore, double ConditionAfter, double Bound);

    private sealed record ReportDocument(double Tolerance, bool AllPassed, IReadOnlyList<CheckDocument> Checks);

    private sealed record CheckDocument(string Name, double Value, double Lower, double Upper, double Slack, bool Passed);

    private sealed record StepDocument(string Engine, double? NeutralityTolerance, bool Succeeded, string Reason);
}
