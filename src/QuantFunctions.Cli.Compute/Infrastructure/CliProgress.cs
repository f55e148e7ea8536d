using System.Diagnostics;
using Spectre.Console;

namespace QuantFunctions.Cli.Compute.Infrastructure;

/// <summary>
/// Progress of a long operation: a Spectre progress bar (description, bar, percentage, elapsed time) on a live
/// terminal; one plain line when the output is not a terminal (no escape codes, nothing redrawn).
/// </summary>
public static class CliProgress
{
    /// <summary>Whether <paramref name="console"/> can redraw a progress display (interactive and ANSI).</summary>
    public static bool IsLive(IAnsiConsole console) => console.Profile.Capabilities is { Interactive: true, Ansi: true };

    /// <summary>
    /// Runs <paramref name="work"/>, which reports done units through the callback it gets; <paramref name="total"/>
    /// units in all (null: unknown, an indeterminate bar).
    /// </summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string description, double? total, Func<Action<double>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!IsLive(console))
        {
            await console.Profile.Out.Writer.WriteLineAsync($"{description} …");
            return await work(_ => { });
        }

        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                ProgressTask task = ctx.AddTask(Markup.Escape(description), maxValue: total is > 0 ? total.Value : 1);
                task.IsIndeterminate = total is null or <= 0;
                result = await work(done => task.Increment(done));
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return result;
    }

    /// <summary>
    /// Runs a pipeline run under a progress bar of its nodes: every <c>node …</c> span that <paramref name="source"/>
    /// (the run's own ActivitySource instance, so concurrent runtimes never mix) ends counts one of <paramref name="nodes"/>.
    /// </summary>
    public static Task<T> RunNodesAsync<T>(IAnsiConsole console, string description, ActivitySource source, int nodes, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(source);
        return RunAsync(console, description, nodes, async report =>
        {
            if (!IsLive(console))
            {
                return await work();
            }

            using var listener = new ActivityListener
            {
                ShouldListenTo = s => ReferenceEquals(s, source),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
                ActivityStopped = a =>
                {
                    if (a.DisplayName.StartsWith("node ", StringComparison.Ordinal))
                    {
                        report(1);
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);
            return await work();
        });
    }
}
