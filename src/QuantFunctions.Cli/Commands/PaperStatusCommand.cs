using System.CommandLine;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Core.Paper;
using QuantFunctions.Hosting;
using QuantFunctions.Stages.Trading;
using Spectre.Console;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant paper status [--meta M] [--json]</c>: the latest paper book — equity, PnL since the start, drawdown, the kill
/// switch and the limits, and the positions with their drift from the target weights (largest first).
/// </summary>
internal sealed class PaperStatusCommand : CommandBase
{
    private readonly Option<string> _meta = PaperCli.Meta();
    private readonly Option<bool> _json = CliOptions.Json();
    private readonly Option<int> _top = new("--top") { Description = "How many positions to list (largest drift first).", DefaultValueFactory = _ => 10 };

    public PaperStatusCommand(CliContext context)
        : base("status", "Show the paper book: positions, PnL, limits, kill switch, drift from target.", context)
    {
        Options.Add(_meta);
        Options.Add(_json);
        Options.Add(_top);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string meta = parseResult.GetValue(_meta)!;
        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        PaperStore store = PaperCli.Store(runtime, meta);
        IReadOnlyList<DateOnly> days = await store.DaysAsync(cancellationToken);
        if (days.Count == 0)
        {
            Context.Console.MarkupLineInterpolated($"no paper book for '{meta}' yet: run [bold]quant paper step --date D[/]");
            return ExitCodes.Success;
        }

        JsonObject json = (await store.ReadBookAsync(days[^1], cancellationToken))!;
        var (book, capital, targets) = PaperBookJson.FromJson(json);
        var drift = new SortedDictionary<string, (double Current, double Target)>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, double> t in targets)
        {
            drift[t.Key] = (0, t.Value);
        }

        foreach (KeyValuePair<string, double> p in book.Positions)
        {
            drift[p.Key] = (p.Value * book.Marks[p.Key] / book.Equity, targets.GetValueOrDefault(p.Key));
        }

        double totalDrift = drift.Values.Sum(d => Math.Abs(d.Current - d.Target)) / 2;
        if (parseResult.GetValue(_json))
        {
            json["days_traded"] = days.Count;
            json["first_day"] = days[0].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            json["drift_one_way"] = totalDrift;
            Context.Console.Profile.Out.Writer.WriteLine(json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Success;
        }

        IAnsiConsole console = Context.Console;
        double drawdown = 1 - (book.Equity / book.PeakEquity);
        console.MarkupLineInterpolated($"[bold]paper book '{meta}'[/] · {days.Count} day(s) {days[0]:yyyy-MM-dd} → {days[^1]:yyyy-MM-dd} · {store.BookPath(days[^1])}");
        console.MarkupLineInterpolated($"equity {book.Equity:N2} (capital {capital:N2}, PnL {book.Equity - capital:N2} = {(book.Equity / capital) - 1:P2}) · cash {book.Cash:N2} · gross leverage {book.GrossLeverage():F2} · drawdown {drawdown:P2}");
        JsonObject limits = json["limits"]!.AsObject();
        console.MarkupLineInterpolated($"limits: gross leverage ≤ {limits["max_gross_leverage"]} · asset notional ≤ {limits["max_asset_notional"]} (0 = off) · daily loss ≤ {limits["max_daily_loss"]} · drawdown ≤ {limits["max_drawdown"]} · flatten on trip {limits["flatten_on_trip"]}");
        console.MarkupLine(book.KillSwitch.Tripped
            ? $"[red]kill switch TRIPPED[/] on {book.KillSwitch.Date:yyyy-MM-dd}: {Markup.Escape(book.KillSwitch.Reason ?? string.Empty)} — new orders are rejected until 'quant paper resume --reason …'"
            : "kill switch armed");
        var table = new Table().AddColumns("symbol", "units", "mark", "weight", "target", "drift");
        foreach (var (symbol, (current, target)) in drift.OrderByDescending(d => Math.Abs(d.Value.Current - d.Value.Target)).ThenBy(d => d.Key, StringComparer.Ordinal).Take(parseResult.GetValue(_top)))
        {
            table.AddRow(symbol, book.Positions.GetValueOrDefault(symbol).ToString("G6", System.Globalization.CultureInfo.InvariantCulture), book.Marks.TryGetValue(symbol, out double m) ? m.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "-",
                current.ToString("P2", System.Globalization.CultureInfo.InvariantCulture), target.ToString("P2", System.Globalization.CultureInfo.InvariantCulture), (current - target).ToString("+0.00%;-0.00%;0.00%", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"{book.Positions.Count} positions · one-way drift from target {totalDrift:P2} · {book.Pending.Count} order(s) waiting for the next open");
        return ExitCodes.Success;
    }
}
