using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Stages.DataOps;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary><c>quant calendar sessions|check|add</c>. Session times: NYSE 09:30–16:00 New York, 13:00 early closes, US daylight saving (hand-checked).</summary>
public sealed class CalendarCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("qf-calendar");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Sessions_DaylightSavingWeek_PrintsUtcOpenAndClose()
    {
        CliOutcome outcome = (await RunAsync("calendar", "sessions", "XNYS", "--from", "2024-03-08", "--to", "2024-03-11")).AssertExit(ExitCodes.Success);

        Assert.Contains("2024-03-08  2024-03-08 14:30   2024-03-08 21:00", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("2024-03-11  2024-03-11 13:30   2024-03-11 20:00", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("2 sessions of XNYS from 2024-03-08 to 2024-03-11", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_Json_FlagsTheChristmasEveEarlyClose()
    {
        CliOutcome outcome = (await RunAsync("calendar", "sessions", "XNYS", "--from", "2025-12-24", "--to", "2025-12-26", "--json")).AssertExit(ExitCodes.Success);

        JsonArray sessions = JsonNode.Parse(outcome.Output)!["sessions"]!.AsArray();
        Assert.Equal(2, sessions.Count); // 2025-12-25 is Christmas Day
        Assert.Equal("2025-12-24T18:00:00Z", (string)sessions[0]!["close"]!);
        Assert.True((bool)sessions[0]!["early_close"]!);
        Assert.False((bool)sessions[1]!["early_close"]!);
    }

    [Theory]
    [InlineData("XLON", "2024-01-02", "Unknown calendar 'XLON'")]
    [InlineData("XNYS", "1985-01-02", "outside the coverage of calendar XNYS (1990-01-01..2027-12-31)")]
    [InlineData("XNYS", "2024-13-01", "--from '2024-13-01' is not a yyyy-MM-dd date")]
    public async Task Sessions_BadInput_ExitsTwoNamingIt(string calendar, string from, string message)
    {
        CliOutcome outcome = (await RunAsync("calendar", "sessions", calendar, "--from", from, "--to", "2024-01-05")).AssertExit(ExitCodes.UsageError);

        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Error, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task Check_FolderOnTheCalendar_ExitsZero()
    {
        await SampleCsvFolder.WriteAsync(_dir.Combine("in"), "XNYS", new DateOnly(2012, 10, 1), new DateOnly(2012, 11, 30), 3, seed: 1);

        CliOutcome outcome = (await RunAsync("calendar", "check", _dir.Combine("in"))).AssertExit(ExitCodes.Success);

        // October–November 2012: 45 weekdays minus Sandy (Oct 29, 30) and Thanksgiving (Nov 22) = 42 sessions.
        Assert.Contains("calendar XNYS, 3 symbols, 126 bars, 2012-10-01..2012-11-30 (42 sessions)", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("the data and the calendar agree", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BarOnAClosedDayAndASessionNobodyTraded_ListsBothAndExitsOne()
    {
        IReadOnlyList<(string File, int Rows)> files = await SampleCsvFolder.WriteAsync(_dir.Combine("in"), "XNYS", new DateOnly(2012, 10, 1), new DateOnly(2012, 11, 30), 2, seed: 1);
        foreach ((string file, _) in files)
        {
            // Every symbol lacks 2012-11-05 (a session), and the first has a bar on 2012-10-29 (closed: Hurricane Sandy).
            List<string> lines = [.. (await File.ReadAllLinesAsync(file)).Where(l => !l.StartsWith("2012-11-05,", StringComparison.Ordinal))];
            if (file == files[0].File)
            {
                int at = lines.FindIndex(l => l.StartsWith("2012-10-31,", StringComparison.Ordinal));
                lines.Insert(at, "2012-10-29" + lines[at][10..]);
            }

            await File.WriteAllLinesAsync(file, lines);
        }

        CliOutcome outcome = (await RunAsync("calendar", "check", _dir.Combine("in"))).AssertExit(ExitCodes.RunFailed);
        CliOutcome json = (await RunAsync("calendar", "check", _dir.Combine("in"), "--json")).AssertExit(ExitCodes.RunFailed);

        string symbol = "XNYS:" + Path.GetFileNameWithoutExtension(files[0].File);
        Assert.Contains($"2012-10-29  Hurricane Sandy: 1 symbol ({symbol})", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("  2012-11-05 (Monday)", outcome.Output, StringComparison.Ordinal);
        JsonObject result = JsonNode.Parse(json.Output)!.AsArray()[0]!.AsObject();
        Assert.Equal("2012-10-29", (string)result["closed_days"]![0]!["date"]!);
        Assert.Equal(["2012-11-05"], result["empty_sessions"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task Check_NeitherFolderNorRun_ExitsTwo()
    {
        CliOutcome outcome = (await RunAsync("calendar", "check")).AssertExit(ExitCodes.UsageError);
        Assert.Contains("give a FOLDER or --run RUN", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_UserCalendar_IsStoredAndSelectableById()
    {
        string file = _dir.Combine("xtae.json");
        await File.WriteAllTextAsync(file, """
            { "id": "XTAE", "time_zone": "Asia/Jerusalem", "open": "09:59", "close": "17:14", "first_date": "2024-04-01", "last_date": "2024-04-30",
              "weekend": ["Friday", "Saturday"], "closures": [ { "date": "2024-04-23", "reason": "Passover" } ] }
            """);

        CliOutcome added = (await RunAsync("calendar", "add", file)).AssertExit(ExitCodes.Success);
        CliOutcome sessions = (await RunAsync("calendar", "sessions", "XTAE", "--from", "2024-04-21", "--to", "2024-04-24")).AssertExit(ExitCodes.Success);

        Assert.Contains("calendar XTAE: 21 sessions 2024-04-01..2024-04-30, stored at _meta/calendars/xtae.json", added.Output, StringComparison.Ordinal);
        Assert.Contains("2024-04-21  2024-04-21 06:59   2024-04-21 14:14", sessions.Output, StringComparison.Ordinal); // IDT = UTC+3
        Assert.DoesNotContain("2024-04-23  ", sessions.Output, StringComparison.Ordinal);
        Assert.Contains("3 sessions of XTAE", sessions.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_BadFile_ExitsTwoNamingFileAndField()
    {
        string file = _dir.Combine("bad.json");
        await File.WriteAllTextAsync(file, """{ "id": "XTAE", "time_zone": "Asia/Jerusalem", "open": "09:59", "close": "17:14", "first_date": "2024-04-01" }""");

        CliOutcome outcome = (await RunAsync("calendar", "add", file)).AssertExit(ExitCodes.UsageError);

        Assert.Contains("bad.json: missing field 'last_date'", outcome.Error, StringComparison.Ordinal);
    }

    private Task<CliOutcome> RunAsync(params string[] args) => CliHarness.RunAsync(_dir.Combine("lake"), args);
}
