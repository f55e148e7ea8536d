using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Risk;
using Spectre.Console;

namespace QuantFunctions.Cli.Compute.Commands;

/// <summary>Prints an <see cref="AllocateRun"/> as tables or as one JSON document.</summary>
internal static class AllocateOutput
{
    /// <summary>One JSON document: input, risk model, weights (by asset), diagnostics, constraint report, fallback steps.</summary>
    /// <remarks>
    /// Written with <see cref="Utf8JsonWriter"/> directly (snake_case names, indented, non-finite numbers as the strings
    /// "NaN", "Infinity", "-Infinity"): a short-lived process then compiles no serializer metadata (issue 11 measured 139
    /// System.Text.Json methods compiled at start-up for the generated contract this replaced).
    /// </remarks>
    public static string Json(AllocateRun run)
    {
        AllocationResult r = run.Result;
        var buffer = new ArrayBufferWriter<byte>(4096 + (r.Assets.Count * 48));
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("file", run.Source);
            json.WriteString("input", run.FromPrices ? "prices" : "returns");
            json.WriteNumber("assets", run.Returns.ColumnCount);
            json.WriteNumber("periods", run.Returns.RowCount);
            if (run.Data.RowLabels is { } index)
            {
                json.WriteStartObject("index");
                json.WriteString("column", index.Name);
                json.WriteString("first", index.Labels[0]);
                json.WriteString("last", index.Labels[^1]);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("index");
            }

            WriteRiskModel(json, run);
            json.WriteString("requested_engine", r.RequestedEngine);
            json.WriteString("engine", r.Engine);
            json.WriteBoolean("success", r.Success);
            json.WriteString("failure_reason", r.FailureReason);
            json.WriteStartObject("weights");
            for (int i = 0; i < r.Assets.Count; i++)
            {
                WriteNumber(json, r.Assets[i], r.Weights[i]);
            }

            json.WriteEndObject();
            json.WriteStartObject("diagnostics");
            foreach (KeyValuePair<string, double> d in r.Diagnostics)
            {
                WriteNumber(json, d.Key, d.Value);
            }

            json.WriteEndObject();
            WriteReport(json, r.ConstraintReport);
            WriteSteps(json, r.FallbackSteps);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteRiskModel(Utf8JsonWriter json, AllocateRun run)
    {
        json.WriteStartObject("risk_model");
        json.WriteString("kind", AllocateCommand.RiskModelName(run.RiskModel.Kind));
        json.WriteString("expected_returns", run.RiskModel.ExpectedReturnMethod.ToString().ToLowerInvariant());
        json.WriteNumber("periods_per_year", run.RiskModel.PeriodsPerYear);
        WriteNumber(json, "shrinkage", run.Estimate?.Shrinkage);
        if (run.Estimate?.Ridge is { } ridge)
        {
            json.WriteStartObject("ridge");
            WriteNumber(json, "lambda", ridge.Lambda);
            WriteNumber(json, "condition_before", ridge.ConditionBefore);
            WriteNumber(json, "condition_after", ridge.ConditionAfter);
            WriteNumber(json, "bound", ridge.Bound);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("ridge");
        }

        json.WriteEndObject();
    }

    private static void WriteReport(Utf8JsonWriter json, ConstraintReport report)
    {
        json.WriteStartObject("constraint_report");
        WriteNumber(json, "tolerance", report.Tolerance);
        json.WriteBoolean("all_passed", report.AllPassed);
        json.WriteStartArray("checks");
        foreach (ConstraintCheck c in report.Checks)
        {
            json.WriteStartObject();
            json.WriteString("name", c.Name);
            WriteNumber(json, "value", c.Value);
            WriteNumber(json, "lower", c.Lower);
            WriteNumber(json, "upper", c.Upper);
            WriteNumber(json, "slack", c.Slack);
            json.WriteBoolean("passed", c.Passed);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSteps(Utf8JsonWriter json, IReadOnlyList<FallbackStep> steps)
    {
        json.WriteStartArray("fallback_steps");
        foreach (FallbackStep s in steps)
        {
            json.WriteStartObject();
            json.WriteString("engine", s.Engine);
            WriteNumber(json, "neutrality_tolerance", s.NeutralityTolerance);
            json.WriteBoolean("succeeded", s.Succeeded);
            json.WriteString("reason", s.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A number, null, or a non-finite value as its named literal string (NaN, Infinity, -Infinity).</summary>
    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is not double v)
        {
            json.WriteNull(name);
        }
        else if (double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteString(name, double.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        }
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
}
