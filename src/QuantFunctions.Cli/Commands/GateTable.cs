using QuantFunctions.Stages.Promotion;
using Spectre.Console;

namespace QuantFunctions.Cli.Commands;

/// <summary>Prints gate results as a table.</summary>
internal static class GateTable
{
    public static void Print(IAnsiConsole console, IEnumerable<GateResult> results)
    {
        var table = new Table().AddColumns("gate", "status", "evidence", "detail");
        foreach (GateResult r in results)
        {
            string colour = r.Status switch { GateStatus.Pass => "green", GateStatus.Waived => "yellow", _ => "red" };
            table.AddRow(new Markup(Markup.Escape(r.Gate)), new Markup($"[{colour}]{GateJson.Name(r.Status)}[/]"), new Text(r.Evidence), new Text(r.Detail));
        }

        console.Write(table);
    }
}
