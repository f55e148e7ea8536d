using System.CommandLine;
using System.Globalization;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Stages.DataOps;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant data sample FOLDER [--market XNYS] [--from D] [--to D] [--symbols N] [--seed S]</c>: writes per-symbol daily-bar CSVs
/// (Yahoo layout) of a seeded synthetic market on the real sessions of the market's calendar — data to try the import with.
/// </summary>
internal sealed class DataSampleCommand : CommandBase
{
    private readonly Argument<string> _folder = new("folder") { Description = "The folder to write {TICKER}.csv files into." };
    private readonly Option<string> _market = new("--market") { Description = "The exchange; its built-in calendar gives the sessions (XNYS, XNAS, FX).", DefaultValueFactory = _ => "XNYS" };
    private readonly Option<string> _from = new("--from") { Description = "The first date (yyyy-MM-dd).", DefaultValueFactory = _ => "1990-01-02" };
    private readonly Option<string> _to = new("--to") { Description = "The last date (yyyy-MM-dd).", DefaultValueFactory = _ => "2018-04-11" };
    private readonly Option<int> _symbols = new("--symbols") { Description = "How many symbols (1–999).", DefaultValueFactory = _ => 20 };
    private readonly Option<int> _seed = new("--seed") { Description = "The generator seed.", DefaultValueFactory = _ => 42 };

    public DataSampleCommand(CliContext context)
        : base("sample", "Write a folder of per-symbol daily-bar CSVs (synthetic prices on a real exchange calendar) to try 'data import' or a files DataOps run.", context)
    {
        Arguments.Add(_folder);
        Options.Add(_market);
        Options.Add(_from);
        Options.Add(_to);
        Options.Add(_symbols);
        Options.Add(_seed);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        DateOnly from = CalendarCli.ParseDate(parseResult.GetValue(_from)!, "--from"), to = CalendarCli.ParseDate(parseResult.GetValue(_to)!, "--to");
        int symbols = parseResult.GetValue(_symbols);
        if (symbols is < 1 or > 999 || to.DayNumber - from.DayNumber < 29)
        {
            throw new UsageException("--symbols must be in 1..999 and --from..--to span at least 30 days");
        }

        string folder = parseResult.GetValue(_folder)!;
        IReadOnlyList<(string File, int Rows)> files = await SampleCsvFolder.WriteAsync(
            folder, parseResult.GetValue(_market)!.ToUpperInvariant(), from, to, symbols, parseResult.GetValue(_seed), cancellationToken);
        long rows = 0;
        foreach ((_, int n) in files)
        {
            rows += n;
        }

        await Context.Console.Profile.Out.Writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"wrote {files.Count} files ({rows:N0} bars, {from:yyyy-MM-dd}..{to:yyyy-MM-dd}, {files[0].Rows:N0} sessions each) into {folder}"));
        return ExitCodes.Success;
    }
}
