using System.Diagnostics;
using Spectre.Console;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>Progress while a run executes: a bar of its nodes on a live terminal, one plain line otherwise (<see cref="CliProgress"/>).</summary>
internal static class RunProgress
{
    /// <summary>Runs <paramref name="work"/> under an indeterminate progress display.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, string what, Func<Task<T>> work) =>
        CliProgress.RunAsync(console, $"running {what}", null, _ => work());

    /// <summary>Runs <paramref name="work"/> under a progress bar counting the <paramref name="nodes"/> node spans of <paramref name="source"/>.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, string what, ActivitySource source, int nodes, Func<Task<T>> work) =>
        CliProgress.RunNodesAsync(console, $"running {what}", source, nodes, work);
}
