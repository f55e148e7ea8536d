using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tests.Selection;

/// <summary>Two books from one candidate set (<see cref="SelectionEngine.SelectBooks"/>): disjoint winners, the long book first.</summary>
public sealed class BookSelectionTests
{
    private static (ReturnPanel Returns, FeatureHistory Features) Universe()
    {
        ReturnPanel returns = SelectionFixture.Returns(20, 120, seed: 11);
        return (returns, SelectionFixture.Features(returns.Columns, returns.Dates[^1], _ => SelectionFixture.Clean()));
    }

    [Fact]
    public void SelectBooks_FallbackWouldShareNames_ShortBookExcludesTheLongWinners()
    {
        // v4, percentile 0.5, floor 15, 20 clean assets in one cluster: each book qualifies 10 names, and Alpha Fallback
        // tops each up to 15 by score, so standalone the books share 15 + 15 − 20 = 10 names.
        SelectionOptions options = SelectionFixture.Options(SelectionStandards.V4) with { Percentile = 0.5 };
        (ReturnPanel returns, FeatureHistory features) = Universe();
        DateOnly asOf = returns.Dates[^1];
        SelectionResult longAlone = SelectionEngine.Select(returns, features, asOf, options, Direction.Long, 365);
        SelectionResult shortAlone = SelectionEngine.Select(returns, features, asOf, options, Direction.Short, 365);
        Assert.Equal(HtrStage.AlphaFallback, shortAlone.Stage);
        Assert.Equal(10, longAlone.Winners.Intersect(shortAlone.Winners).Count());

        BookSelection books = SelectionEngine.SelectBooks(returns, features, asOf, options, 365);

        Assert.Equal(longAlone.Winners, books.Long.Winners);
        Assert.Empty(books.Long.Winners.Intersect(books.Short.Winners));
        // Only 20 − 15 = 5 names remain healthy for the short book: Alpha Fallback takes all 5, in short-score order, and
        // records the floor as not met (never padded).
        string[] expected = [.. shortAlone.Candidates.Where(c => !books.Long.Winners.Contains(c.Symbol))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Symbol, StringComparer.Ordinal).Select(c => c.Symbol)];
        Assert.Equal(5, expected.Length);
        Assert.Equal(expected, books.Short.Winners);
        Assert.Equal(HtrStage.AlphaFallback, books.Short.Stage);
        Assert.False(books.Short.FloorMet);
        // Every long winner is recorded in the short book with the hard veto, its score unchanged.
        foreach (SelectionCandidate c in books.Short.Candidates)
        {
            bool isLongWinner = books.Long.Winners.Contains(c.Symbol);
            Assert.Equal(isLongWinner, c.Vetoes.Contains(VetoReasons.LongBook));
            Assert.Equal(shortAlone.Candidates.Single(s => s.Symbol == c.Symbol).Score, c.Score);
        }
    }

    [Fact]
    public void SelectBooks_BooksAlreadyDisjoint_ShortBookUnchanged()
    {
        // v4 percentile 0.25 (5 of 20 qualify per book), floor 5: both books stop at Strict on opposite momentum quarters,
        // which are disjoint, so the two-book rule changes nothing.
        SelectionOptions options = SelectionFixture.Options(SelectionStandards.V4, floor: 5) with { Percentile = 0.25 };
        (ReturnPanel returns, FeatureHistory features) = Universe();
        DateOnly asOf = returns.Dates[^1];
        SelectionResult shortAlone = SelectionEngine.Select(returns, features, asOf, options, Direction.Short, 365);

        BookSelection books = SelectionEngine.SelectBooks(returns, features, asOf, options, 365);

        Assert.Equal(HtrStage.Strict, books.Short.Stage);
        Assert.Equal(shortAlone.Winners, books.Short.Winners);
        Assert.Empty(books.Long.Winners.Intersect(books.Short.Winners));
    }

    [Fact]
    public void SelectBooks_Cars_StrictWouldShareNames_BooksStayDisjointAndDeterministic()
    {
        // v2.1 CARS qualifies every scored asset; three of its four factors (efficiency, −vol, −kurtosis) do not depend on
        // the direction. Here they all favour the low indices (A00 best), while momentum favours the high ones for LONG and
        // the low ones for SHORT, so standalone both books' top 10 lean to the low indices and overlap at Strict already.
        SelectionOptions options = SelectionFixture.Options(SelectionStandards.V21, floor: 10) with { MaxWinners = 10 };
        ReturnPanel returns = SelectionFixture.Returns(20, 120, seed: 11);
        FeatureHistory features = SelectionFixture.Features(returns.Columns, returns.Dates[^1], s =>
        {
            int i = int.Parse(s[1..], System.Globalization.CultureInfo.InvariantCulture);
            Dictionary<string, double> v = SelectionFixture.Clean();
            v[FeatureColumns.EfficiencyRatio] = 0.5 - (0.01 * i);
            v[FeatureColumns.RealisedVolatility] = 0.2 + (0.01 * i);
            v[FeatureColumns.Kurtosis] = 1 + (0.1 * i);
            return v;
        });
        DateOnly asOf = returns.Dates[^1];
        SelectionResult shortAlone = SelectionEngine.Select(returns, features, asOf, options, Direction.Short, 365);
        SelectionResult longAlone = SelectionEngine.Select(returns, features, asOf, options, Direction.Long, 365);
        Assert.Equal(HtrStage.Strict, longAlone.Stage);
        Assert.True(longAlone.Winners.Intersect(shortAlone.Winners).Any());

        BookSelection first = SelectionEngine.SelectBooks(returns, features, asOf, options, 365);
        BookSelection second = SelectionEngine.SelectBooks(returns, features, asOf, options, 365);

        Assert.Equal(longAlone.Winners, first.Long.Winners);
        Assert.Empty(first.Long.Winners.Intersect(first.Short.Winners));
        // The short book is the other 10 names, best short score first.
        string[] expected = [.. shortAlone.Candidates.Where(c => !longAlone.Winners.Contains(c.Symbol))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Symbol, StringComparer.Ordinal).Select(c => c.Symbol)];
        Assert.Equal(expected, first.Short.Winners);
        Assert.Equal(first.Long.Winners, second.Long.Winners);
        Assert.Equal(first.Short.Winners, second.Short.Winners);
    }
}
