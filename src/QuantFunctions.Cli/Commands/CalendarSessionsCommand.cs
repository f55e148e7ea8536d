using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Core.Calendars;

namespace QuantFunctions.Cli.Commands;

/// <summary><c>quant calendar sessions ID --from D --to D [--json]</c>: a calendar's sessions with their open and close in UTC.</summary>
internal sealed class CalendarSessionsCommand : CommandBase
{
    private readonly Argument<string> _id = new("calendar") { Description = "The calendar id: XNYS, XNAS, XCRY, FX or a user calendar added with 'quant calendar add'." };
    private readonly Option<string> _from = new("--from") { Description = "The first date (yyyy-MM-dd).", Required = true };
    private readonly Option<string> _to = new("--to") { Description = "The last date (yyyy-MM-dd).", Required = true };
    private readonly Option<bool> _json = CliOptions.Json();

    public CalendarSessionsCommand(CliContext context)
        : base("sessions", "Print a calendar's sessions: date, open and close in UTC, early-close flag.", context)
    {
        Arguments.Add(_id);
        Options.Add(_from);
        Options.Add(_to);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        DateOnly from = CalendarCli.ParseDate(parseResult.GetValue(_from)!, "--from"), to = CalendarCli.ParseDate(parseResult.GetValue(_to)!, "--to");
        if (to < from)
        {
            throw new UsageException($"--to {to:yyyy-MM-dd} precedes --from {from:yyyy-MM-dd}");
        }

        TradingCalendar calendar = await CalendarCli.ResolveAsync(Context, parseResult.GetValue(_id)!, cancellationToken);
        if (from < calendar.FirstDate || to > calendar.LastDate)
        {
            throw new UsageException(FormattableString.Invariant(
                $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd} is outside the coverage of calendar {calendar.Id} ({calendar.FirstDate:yyyy-MM-dd}..{calendar.LastDate:yyyy-MM-dd})"));
        }

        TradingSession[] sessions = calendar.SessionTimes(from, to);
        TextWriter output = Context.Console.Profile.Out.Writer;
        if (parseResult.GetValue(_json))
        {
            var rows = new JsonArray();
            foreach (TradingSession s in sessions)
            {
                rows.Add(new JsonObject { ["date"] = CalendarCli.Date(s.Date), ["open"] = Instant(s.OpenUtc), ["close"] = Instant(s.CloseUtc), ["early_close"] = s.EarlyClose });
            }

            await output.WriteLineAsync(new JsonObject { ["calendar"] = calendar.Id, ["sessions"] = rows }.ToJsonString());
            return ExitCodes.Success;
        }

        await output.WriteLineAsync("date        open (UTC)         close (UTC)        early close");
        foreach (TradingSession s in sessions)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{s.Date:yyyy-MM-dd}  {s.OpenUtc:yyyy-MM-dd HH:mm}   {s.CloseUtc:yyyy-MM-dd HH:mm}   {(s.EarlyClose ? "yes" : string.Empty)}").TrimEnd());
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{sessions.Length} sessions of {calendar.Id} from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}"));
        return ExitCodes.Success;
    }

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
