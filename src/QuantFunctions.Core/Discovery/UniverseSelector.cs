using System.Globalization;

namespace QuantFunctions.Core.Discovery;

/// <summary>Applies a <see cref="UniverseConfig"/> to normalised candidates.</summary>
public static class UniverseSelector
{
    /// <summary>
    /// Filters by asset type and floors (a missing turnover or volatility fails an active floor: it is
    /// not assumed), ranks by the sort key with ties on the symbol, and caps at <see cref="UniverseConfig.MaxSize"/>
    /// (candidates beyond the cap are excluded with reason <c>rank</c>).
    /// </summary>
    /// <exception cref="CandidateContractException">No candidate qualifies.</exception>
    public static UniverseSelection Select(IReadOnlyList<Candidate> candidates, UniverseConfig config)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(config);
        var members = new List<Candidate>();
        var excluded = new List<CandidateDrop>();
        for (int i = 0; i < candidates.Count; i++)
        {
            Candidate c = candidates[i];
            string? reason = Reject(c, config);
            if (reason is null)
            {
                members.Add(c);
            }
            else
            {
                excluded.Add(new CandidateDrop(i, c.Symbol, reason));
            }
        }

        members.Sort((a, b) => Compare(a, b, config.SortKey));
        if (members.Count > config.MaxSize)
        {
            for (int i = config.MaxSize; i < members.Count; i++)
            {
                excluded.Add(new CandidateDrop(-1, members[i].Symbol, string.Create(CultureInfo.InvariantCulture, $"rank {i + 1} beyond max size {config.MaxSize}")));
            }

            members.RemoveRange(config.MaxSize, members.Count - config.MaxSize);
        }

        if (members.Count == 0)
        {
            throw new CandidateContractException($"universe '{config.Name}': none of {candidates.Count} candidate(s) qualifies{(excluded.Count > 0 ? $" (first: {excluded[0].Symbol}: {excluded[0].Reason})" : string.Empty)}");
        }

        excluded.Sort((a, b) => string.CompareOrdinal(a.Symbol, b.Symbol));
        return new UniverseSelection(members, excluded);
    }

    private static string? Reject(Candidate c, UniverseConfig config)
    {
        if (config.AssetType is not null && !string.Equals(config.AssetType, c.AssetType, StringComparison.OrdinalIgnoreCase))
        {
            return $"asset_type {c.AssetType} is not {config.AssetType}";
        }

        if (config.MinTurnoverUsd > 0)
        {
            if (c.Volume24h is not double turnover)
            {
                return "volume_24h unknown (turnover floor active)";
            }

            if (turnover < config.MinTurnoverUsd)
            {
                return string.Create(CultureInfo.InvariantCulture, $"turnover {turnover:0} < floor {config.MinTurnoverUsd:0}");
            }
        }

        if (config.MinDailyVolatility > 0)
        {
            if (UniverseConfig.DailyVolatility(c) is not double vol)
            {
                return $"{UniverseConfig.VolatilityKey} unknown (volatility floor active)";
            }

            if (vol <= config.MinDailyVolatility)
            {
                return string.Create(CultureInfo.InvariantCulture, $"daily volatility {vol:0.####} ≤ floor {config.MinDailyVolatility:0.####}");
            }
        }

        return null;
    }

    private static int Compare(Candidate a, Candidate b, UniverseSortKey key)
    {
        int c = key switch
        {
            UniverseSortKey.Volume24h => Nullable.Compare(b.Volume24h, a.Volume24h),
            UniverseSortKey.MarketCapRank => (a.MarketCapRank ?? int.MaxValue).CompareTo(b.MarketCapRank ?? int.MaxValue),
            UniverseSortKey.DailyVolatility => Nullable.Compare(UniverseConfig.DailyVolatility(b), UniverseConfig.DailyVolatility(a)),
            _ => 0,
        };
        return c != 0 ? c : string.CompareOrdinal(a.Symbol, b.Symbol);
    }
}
