using Spectre.Console;

namespace QuantFunctions.Cli.Compute.Infrastructure;

/// <summary>
/// The console of <c>quant</c>: live progress, colour and styles only when the output is a terminal; plain text (no
/// escape codes at all) when it is redirected to a file or a pipe or when <c>TERM=dumb</c>; no colour when
/// <c>NO_COLOR</c> is set to anything non-empty (<see href="https://no-color.org"/>).
/// </summary>
public static class CliConsole
{
    /// <summary>A console writing to <paramref name="output"/>.</summary>
    /// <param name="output">Where text goes (standard output or standard error).</param>
    /// <param name="isTerminal">Whether <paramref name="output"/> is a terminal (not redirected).</param>
    /// <param name="read">Reads an environment variable (<c>NO_COLOR</c>, <c>TERM</c>, <c>COLORTERM</c>).</param>
    public static IAnsiConsole Create(TextWriter output, bool isTerminal, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(read);
        bool live = isTerminal && !string.Equals(read("TERM"), "dumb", StringComparison.Ordinal);
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = live ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = live ? ColorsOf(read) : ColorSystemSupport.NoColors,
            Interactive = live ? InteractionSupport.Yes : InteractionSupport.No,
        });
    }

    /// <summary>The console of standard error for progress next to data on standard output, or null when standard error is not a terminal.</summary>
    public static IAnsiConsole? ForStandardError(ICommandOutput context, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected
            ? Create(Console.Error, isTerminal: true, read)
            : null;
    }

    /// <summary>True when <c>NO_COLOR</c> is set and not empty.</summary>
    public static bool NoColor(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return !string.IsNullOrEmpty(read("NO_COLOR"));
    }

    private static ColorSystemSupport ColorsOf(Func<string, string?> read)
    {
        if (NoColor(read))
        {
            return ColorSystemSupport.NoColors;
        }

        string colorTerm = read("COLORTERM") ?? "";
        string term = read("TERM") ?? "";
        return colorTerm is "truecolor" or "24bit" ? ColorSystemSupport.TrueColor
            : term.Contains("256", StringComparison.Ordinal) ? ColorSystemSupport.EightBit
            : ColorSystemSupport.Standard;
    }
}
