using Spectre.Console;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>Prints a run's state: one row per node (status, attempts, error) and the run's outcome.</summary>
internal static class RunReport
{
    /// <summary>Writes the table.</summary>
    public static void Print(IAnsiConsole console, RunRecord run)
    {
        var table = new Table().Border(TableBorder.Simple).Title($"{run.Scope}/{run.PipelineId} {run.PipelineVersion} · run {run.RunId} · [bold]{run.Status}[/]");
        table.AddColumn("node");
        table.AddColumn("status");
        table.AddColumn(new TableColumn("attempts").RightAligned());
        table.AddColumn("error");
        foreach (NodeState node in run.Nodes)
        {
            table.AddRow(
                Markup.Escape(node.Node.Value),
                Colour(node.Status),
                node.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(node.Error is null ? string.Empty : $"{node.Error.Code ?? node.Error.Type}: {node.Error.Message}"));
        }

        console.Write(table);
        if (run.Error is not null)
        {
            console.MarkupLineInterpolated($"[red]run failed[/]: {run.Error.Code ?? run.Error.Type}: {run.Error.Message}");
        }
    }

    /// <summary>Exit code for a finished run: 0 when it succeeded, 1 otherwise.</summary>
    public static int ExitCode(RunRecord run) => run.Status == RunStatus.Succeeded ? ExitCodes.Success : ExitCodes.RunFailed;

    private static string Colour(NodeStatus status) => status switch
    {
        NodeStatus.Succeeded => "[green]Succeeded[/]",
        NodeStatus.Failed => "[red]Failed[/]",
        NodeStatus.Skipped => "[yellow]Skipped[/]",
        _ => status.ToString(),
    };
}
