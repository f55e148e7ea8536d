using System.Globalization;
using System.Text;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Synthetic;

namespace QuantFunctions.Stages.DataOps;

/// <summary>
/// Writes a folder of per-symbol daily bars in the layout most users have (Yahoo: <c>Date,Open,High,Low,Close,Adj Close,Volume</c>,
/// one <c>{TICKER}.csv</c> per symbol): a seeded synthetic equity market on the sessions of a calendar, with its real
/// holidays, unscheduled closures and no listings, delistings, gaps or bad prints — a stand-in for decades of real data.
/// </summary>
public static class SampleCsvFolder
{
    /// <summary>Writes the files (a file that exists is overwritten).</summary>
    /// <param name="folder">The target folder (created when missing).</param>
    /// <param name="exchange">The exchange of the symbols (e.g. <c>XNYS</c>); its calendar must be built in.</param>
    /// <param name="first">The first date.</param>
    /// <param name="last">The last date.</param>
    /// <param name="symbols">How many symbols (1–999).</param>
    /// <param name="seed">The generator seed.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The files written, in symbol order, and the rows per file.</returns>
    /// <exception cref="DomainValidationException">A bad range, count or calendar (the message names it).</exception>
    public static async Task<IReadOnlyList<(string File, int Rows)>> WriteAsync(
        string folder, string exchange, DateOnly first, DateOnly last, int symbols, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(exchange);
        SyntheticMarketSpec equity = SyntheticMarketOptions.DefaultMarkets(1, symbols)[1] with { Exchange = exchange, CalendarId = exchange };
        var options = new SyntheticMarketOptions
        {
            Seed = seed,
            Start = first,
            CalendarDays = last.DayNumber - first.DayNumber + 1,
            Markets = [equity],
            ListingsPerMarket = 0,
            DelistingsPerMarket = 0,
            GapsPerMarket = 0,
            ToxicPrintsPerMarket = 0,
            StaleSymbolsPerMarket = 0,
            StaleDays = 1,
            CrisisStartDay = Math.Max(0, (last.DayNumber - first.DayNumber) / 2),
        };
        SyntheticMarket market = SyntheticMarketGenerator.Generate(options);
        Directory.CreateDirectory(folder);
        var written = new List<(string, int)>(market.Bars.Count);
        foreach (BarSeries bars in market.Bars)
        {
            var text = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n", 64 * (bars.Count + 1));
            for (int i = 0; i < bars.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{bars.Dates[i]:yyyy-MM-dd},{bars.Open[i]:R},{bars.High[i]:R},{bars.Low[i]:R},{bars.Close[i]:R},{bars.Close[i]:R},{Math.Round(bars.Volume[i]):R}\n");
            }

            string file = Path.Combine(folder, bars.Symbol.Ticker + ".csv");
            await File.WriteAllTextAsync(file, text.ToString(), cancellationToken).ConfigureAwait(false);
            written.Add((file, bars.Count));
        }

        return written;
    }
}
