using QuantFunctions.Core.Discovery;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.DataOps.Tests.Providers;

public sealed class CandidateContractTests
{
    private static CandidateRecord Rec(string? symbol, string? type = "spot", string? direction = null, string? exchange = null) =>
        new() { Symbol = symbol, AssetType = type, Direction = direction, Exchange = exchange };

    [Fact]
    public void Normalize_MixedCaseAndBareTicker_CanonicalisesSymbolExchangeIdentityDirection()
    {
        CandidateSet set = CandidateNormalizer.Normalize([Rec(" binance:btcusdt ", "SPOT", "short"), Rec("AAPL", "equity", exchange: "xnys")], CandidateMode.Strict);

        Candidate btc = set.Candidates[0];
        Assert.Equal(("BINANCE:BTCUSDT", "BINANCE", "BINANCE:BTCUSDT", "spot", "SHORT"), (btc.Symbol, btc.Exchange, btc.Identity, btc.AssetType, btc.Direction));
        Assert.Equal(("XNYS:AAPL", "LONG"), (set.Candidates[1].Symbol, set.Candidates[1].Direction));
    }

    [Theory]
    [InlineData(null, "spot", null, "symbol is missing")]
    [InlineData("BTCUSDT", "spot", null, "not canonical")]
    [InlineData("BINANCE:BTC USDT", "spot", null, "not canonical")]
    [InlineData("BINANCE:BTCUSDT", null, null, "asset_type is missing")]
    [InlineData("BINANCE:BTCUSDT", "spot", "sideways", "neither LONG nor SHORT")]
    public void Normalize_InvalidRecord_StrictRaisesLenientDropsWithReason(string? symbol, string? type, string? direction, string reason)
    {
        CandidateRecord[] records = [Rec("BINANCE:ETHUSDT"), Rec(symbol, type, direction)];

        CandidateContractException ex = Assert.Throws<CandidateContractException>(() => CandidateNormalizer.Normalize(records, CandidateMode.Strict));
        Assert.Equal(ErrorCodes.CandidateContract, ex.Code);
        Assert.Contains("candidate record 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);

        CandidateSet set = CandidateNormalizer.Normalize(records, CandidateMode.Lenient);
        Assert.Equal("BINANCE:ETHUSDT", Assert.Single(set.Candidates).Symbol);
        CandidateDrop drop = Assert.Single(set.Dropped);
        Assert.Equal(1, drop.Index);
        Assert.Contains(reason, drop.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_ExchangeDisagreesWithPrefix_IsInvalid() =>
        Assert.Contains("differs from the symbol prefix", Assert.Throws<CandidateContractException>(() =>
            CandidateNormalizer.Normalize([Rec("BINANCE:BTCUSDT", exchange: "KRAKEN")], CandidateMode.Strict)).Message, StringComparison.Ordinal);

    [Fact]
    public void Normalize_Duplicates_MergedInInputOrderWithoutLosingFields()
    {
        CandidateRecord first = Rec("BINANCE:BTCUSDT") with { Volume24h = 5e9, Metadata = new Dictionary<string, string> { ["a"] = "1", ["shared"] = "first" } };
        CandidateRecord second = Rec("binance:btcusdt") with { MarketCapRank = 1, Sector = "Currency", Volume24h = 1, Metadata = new Dictionary<string, string> { ["b"] = "2", ["shared"] = "second" } };

        CandidateSet set = CandidateNormalizer.Normalize([first, Rec("BINANCE:ADAUSDT"), second], CandidateMode.Strict);

        Assert.Equal(["BINANCE:ADAUSDT", "BINANCE:BTCUSDT"], set.Candidates.Select(c => c.Symbol));
        Candidate btc = set.Candidates[1];
        Assert.Equal((5e9, 1, "Currency"), (btc.Volume24h!.Value, btc.MarketCapRank!.Value, btc.Sector));
        Assert.Equal(["a", "b", "shared"], btc.Metadata.Keys);
        Assert.Equal("first", btc.Metadata["shared"]);
        Assert.Equal(1, set.Merged);
    }

    [Fact]
    public void Normalize_DuplicateWithConflictingDirection_Raises() =>
        Assert.Throws<CandidateContractException>(() => CandidateNormalizer.Normalize([Rec("BINANCE:BTCUSDT", direction: "LONG"), Rec("BINANCE:BTCUSDT", direction: "SHORT")], CandidateMode.Lenient));

    [Fact]
    public void Normalize_Permuted_SameOrderedOutput()
    {
        CandidateRecord[] records = [Rec("BINANCE:SOLUSDT"), Rec("BINANCE:BTCUSDT"), Rec("XNYS:AAPL", "equity")];
        Assert.Equal(
            CandidateNormalizer.Normalize(records, CandidateMode.Strict).Candidates.Select(c => c.Symbol),
            CandidateNormalizer.Normalize(records.Reverse().ToArray(), CandidateMode.Strict).Candidates.Select(c => c.Symbol));
    }

    [Fact]
    public void Normalize_AllInvalid_ZeroCandidatesFailsEvenWhenLenient() =>
        Assert.Contains("zero valid candidates from 2 record(s); 2 dropped", Assert.Throws<CandidateContractException>(() =>
            CandidateNormalizer.Normalize([Rec("x"), Rec(null)], CandidateMode.Lenient)).Message, StringComparison.Ordinal);

    [Fact]
    public void Select_SpotAndPerpFloors_ApplyTurnoverAndVolatilityWithRankingAndCap()
    {
        static CandidateRecord C(string s, string type, double turnover, double vol) =>
            new() { Symbol = s, AssetType = type, Volume24h = turnover, Metadata = new Dictionary<string, string> { [UniverseConfig.VolatilityKey] = vol.ToString("R", System.Globalization.CultureInfo.InvariantCulture) } };

        IReadOnlyList<Candidate> all = CandidateNormalizer.Normalize(
        [
            C("BINANCE:AAA", "spot", 10_000_000, 0.02),   // exactly at the $10M floor: in
            C("BINANCE:BBB", "spot", 9_999_999, 0.05),    // below the floor
            C("BINANCE:CCC", "spot", 80_000_000, 0.01),   // volatility must be > 1 %: out
            C("BINANCE:DDD", "spot", 30_000_000, 0.03),
            C("BINANCE:PPP", "perp", 49_000_000, 0.04),   // perp below $50M
            C("BINANCE:QQQ", "perp", 60_000_000, 0.001),  // perps have no volatility floor
        ], CandidateMode.Strict).Candidates;

        Assert.Equal(["BINANCE:DDD", "BINANCE:AAA"], UniverseSelector.Select(all, UniverseConfig.Spot()).Members.Select(c => c.Symbol));
        Assert.Equal(["BINANCE:QQQ"], UniverseSelector.Select(all, UniverseConfig.Perpetual()).Members.Select(c => c.Symbol));
        UniverseSelection capped = UniverseSelector.Select(all, UniverseConfig.Spot() with { MaxSize = 1 });
        Assert.Equal("BINANCE:DDD", Assert.Single(capped.Members).Symbol);
        Assert.Contains(capped.Excluded, e => e.Symbol == "BINANCE:AAA" && e.Reason.StartsWith("rank 2", StringComparison.Ordinal));
        Assert.Throws<ArgumentOutOfRangeException>(() => UniverseConfig.Spot() with { MinTurnoverUsd = -1 });
    }
}
