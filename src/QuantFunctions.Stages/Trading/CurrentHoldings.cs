using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Trading;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Stages.Trading;

/// <summary>The book orders are sized against: a positions file, else the latest paper book, else flat.</summary>
/// <param name="Units">Units held per symbol.</param>
/// <param name="Equity">The paper book's equity (null for a positions file or a flat book: size against the capital parameter).</param>
/// <param name="Source">Where they came from: <c>file:{path}</c>, <c>paper:{book path}</c> or <c>flat</c>.</param>
public sealed record CurrentHoldings(IReadOnlyDictionary<string, double> Units, double? Equity, string Source)
{
    /// <summary>Parses a positions file: <c>{"positions": {"SYMBOL": units, …}}</c>.</summary>
    /// <exception cref="TradingException">Not that shape, or a non-finite quantity.</exception>
    public static Dictionary<string, double> ParsePositions(ReadOnlySpan<byte> json, string name)
    {
        try
        {
            JsonObject positions = JsonNode.Parse(json)?["positions"]?.AsObject() ?? throw new TradingException($"{name}: no 'positions' object");
            var units = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, JsonNode?> p in positions)
            {
                double q = p.Value?.GetValue<double>() ?? double.NaN;
                units[p.Key] = double.IsFinite(q) ? q : throw new TradingException($"{name}: quantity of '{p.Key}' is not a finite number");
            }

            return units;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new TradingException($"{name}: expected {{\"positions\": {{\"SYMBOL\": units}}}}: {ex.Message}", ex);
        }
    }

    /// <summary>Resolves the holdings for sizing on <paramref name="date"/>.</summary>
    public static async Task<CurrentHoldings> ResolveAsync(ILakeStore lake, string? positionsPath, PaperStore paper, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(paper);
        if (positionsPath is not null)
        {
            LakePath path = LakePath.Parse(positionsPath);
            LakeObject file = await lake.TryReadAsync(path, cancellationToken) ?? throw new LakeObjectNotFoundException(path);
            return new CurrentHoldings(ParsePositions(file.Content.Span, path.Value), null, "file:" + path.Value);
        }

        IReadOnlyList<DateOnly> days = await paper.DaysAsync(cancellationToken);
        for (int i = days.Count - 1; i >= 0; i--)
        {
            if (days[i] <= date && await paper.ReadBookAsync(days[i], cancellationToken) is { } json)
            {
                var (book, _, _) = PaperBookJson.FromJson(json);
                return new CurrentHoldings(book.Positions, book.Equity, "paper:" + paper.BookPath(days[i]).Value);
            }
        }

        return new CurrentHoldings(new Dictionary<string, double>(StringComparer.Ordinal), null, "flat");
    }
}
