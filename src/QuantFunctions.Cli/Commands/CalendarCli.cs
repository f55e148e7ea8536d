using System.Globalization;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Calendars;

namespace QuantFunctions.Cli.Commands;

/// <summary>What the <c>quant calendar</c> commands share: resolving a calendar (the lake only for user calendars) and dates.</summary>
internal static class CalendarCli
{
    /// <summary>Resolves a built-in calendar, or a user calendar from the lake.</summary>
    public static async Task<TradingCalendar> ResolveAsync(CliContext context, string id, CancellationToken cancellationToken)
    {
        if (ExchangeCalendars.IsBuiltIn(id))
        {
            return ExchangeCalendars.Resolve(id);
        }

        ILakeStore lake = await CliRuntime.OpenLakeAsync(context, cancellationToken);
        return await CalendarCatalog.ResolveAsync(lake, id, cancellationToken);
    }

    /// <summary>Parses a <c>yyyy-MM-dd</c> option.</summary>
    /// <exception cref="UsageException">Not a date.</exception>
    public static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d)
            ? d
            : throw new UsageException($"{option} '{text}' is not a yyyy-MM-dd date");

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
