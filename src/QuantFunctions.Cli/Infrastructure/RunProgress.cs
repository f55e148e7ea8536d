using Spectre.Console;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>Shows a spinner with elapsed time while a run executes (on an interactive console only).</summary>
internal static class RunProgress
{
    /// <summary>Runs <paramref name="work"/> under a status spinner.</summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string what, Func<Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            console.WriteLine($"running {what} …");
            return await work();
        }

        return await console.Status().Spinner(Spinner.Known.Dots).StartAsync($"running {Markup.Escape(what)} …", _ => work());
    }
}
