using System.CommandLine;
using System.Globalization;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Calendars;

namespace QuantFunctions.Cli.Commands;

/// <summary><c>quant calendar add FILE</c>: checks a user calendar file and stores it in the lake, selectable by its id in manifests.</summary>
internal sealed class CalendarAddCommand : CommandBase
{
    private readonly Argument<string> _file = new("file") { Description = "A user calendar (JSON: a rule set or a list of sessions; docs/calendars.md)." };

    public CalendarAddCommand(CliContext context)
        : base("add", "Check a user calendar file and store it in the lake (_meta/calendars/{id}.json).", context) => Arguments.Add(_file);

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string file = parseResult.GetValue(_file)!;
        string json = await File.ReadAllTextAsync(file, cancellationToken);
        ILakeStore lake = await CliRuntime.OpenLakeAsync(Context, cancellationToken);
        (SessionCalendar calendar, LakePath path) = await AddAsync(lake, json, file, cancellationToken);
        await Context.Console.Profile.Out.Writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"calendar {calendar.Id}: {calendar.CountSessions(calendar.FirstDate, calendar.LastDate):N0} sessions {calendar.FirstDate:yyyy-MM-dd}..{calendar.LastDate:yyyy-MM-dd}, stored at {path}"));
        return ExitCodes.Success;
    }

    private static async Task<(SessionCalendar, LakePath)> AddAsync(ILakeStore lake, string json, string file, CancellationToken cancellationToken)
    {
        try
        {
            return await CalendarCatalog.AddAsync(lake, json, file, cancellationToken);
        }
        catch (LakeConflictException ex)
        {
            throw new UsageException($"{file}: a different calendar with this id is already stored ({ex.Message}); calendars are never overwritten — use a new id");
        }
    }
}
