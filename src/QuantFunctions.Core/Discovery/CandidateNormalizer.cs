using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Discovery;

/// <summary>
/// Normalises discovery records to the canonical <see cref="Candidate"/> schema (seed 000 §8).
/// </summary>
/// <remarks>
/// <para>Per record: the symbol is trimmed and upper-cased; a bare ticker takes the record's exchange
/// as prefix; the result must be a canonical <see cref="Market.Symbol"/>. A given exchange must equal the
/// prefix. The asset type is required (lower-cased). Direction is <c>LONG</c> or <c>SHORT</c> in any
/// case, <c>LONG</c> when absent. A market-cap rank must be ≥ 1 and a 24 h volume finite and ≥ 0.</para>
/// <para>Invalid records raise <see cref="CandidateContractException"/> in strict mode and are dropped
/// with their index and reason in lenient mode. Records with the same symbol are merged in input
/// order: the first non-null value of each optional field wins, metadata keys are united (first
/// value wins), so no field is lost; a conflicting asset type or direction is itself a contract
/// violation. Output is ordinal by symbol. Zero candidates is a failure in both modes.</para>
/// </remarks>
public static class CandidateNormalizer
{
    /// <summary>Normalises, validates, merges and orders <paramref name="records"/>.</summary>
    /// <exception cref="CandidateContractException">An invalid record (strict), a conflicting duplicate, or no candidate left.</exception>
    public static CandidateSet Normalize(IReadOnlyList<CandidateRecord> records, CandidateMode mode)
    {
        ArgumentNullException.ThrowIfNull(records);
        var bySymbol = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var dropped = new List<CandidateDrop>();
        int merged = 0;
        for (int i = 0; i < records.Count; i++)
        {
            CandidateRecord record = records[i] ?? new CandidateRecord();
            string? reason = TryCanonical(record, out Candidate? candidate);
            if (reason is not null)
            {
                if (mode == CandidateMode.Strict)
                {
                    throw new CandidateContractException($"candidate record {i} ('{record.Symbol}'): {reason}");
                }

                dropped.Add(new CandidateDrop(i, record.Symbol, reason));
                continue;
            }

            if (bySymbol.TryGetValue(candidate!.Symbol, out Candidate? existing))
            {
                bySymbol[candidate.Symbol] = Merge(existing, candidate, i);
                merged++;
            }
            else
            {
                bySymbol.Add(candidate.Symbol, candidate);
            }
        }

        if (bySymbol.Count == 0)
        {
            throw new CandidateContractException(
                $"discovery produced zero valid candidates from {records.Count} record(s){(dropped.Count > 0 ? $"; {dropped.Count} dropped, first: {dropped[0].Reason}" : string.Empty)}");
        }

        var ordered = new List<Candidate>(bySymbol.Values);
        ordered.Sort((a, b) => string.CompareOrdinal(a.Symbol, b.Symbol));
        return new CandidateSet(ordered, dropped, merged);
    }

    private static string? TryCanonical(CandidateRecord record, out Candidate? candidate)
    {
        candidate = null;
        string text = (record.Symbol ?? string.Empty).Trim().ToUpperInvariant();
        string? exchange = string.IsNullOrWhiteSpace(record.Exchange) ? null : record.Exchange.Trim().ToUpperInvariant();
        if (text.Length == 0)
        {
            return "symbol is missing";
        }

        if (!text.Contains(':', StringComparison.Ordinal) && exchange is not null)
        {
            text = exchange + ":" + text;
        }

        if (!Symbol.TryParse(text, out Symbol symbol))
        {
            return $"symbol '{text}' is not canonical EXCHANGE:SYMBOL";
        }

        if (exchange is not null && !string.Equals(exchange, symbol.Exchange, StringComparison.Ordinal))
        {
            return $"exchange '{exchange}' differs from the symbol prefix '{symbol.Exchange}'";
        }

        if (string.IsNullOrWhiteSpace(record.AssetType))
        {
            return "asset_type is missing";
        }

        string direction = string.IsNullOrWhiteSpace(record.Direction) ? "LONG" : record.Direction.Trim().ToUpperInvariant();
        if (direction is not ("LONG" or "SHORT"))
        {
            return $"direction '{record.Direction}' is neither LONG nor SHORT";
        }

        if (record.MarketCapRank is < 1)
        {
            return $"market_cap_rank {record.MarketCapRank} is below 1";
        }

        if (record.Volume24h is double v && !(double.IsFinite(v) && v >= 0))
        {
            return $"volume_24h {v} is not a finite non-negative number";
        }

        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (record.Metadata is not null)
        {
            foreach (KeyValuePair<string, string> kv in record.Metadata)
            {
                metadata[kv.Key] = kv.Value;
            }
        }

        candidate = new Candidate
        {
            Symbol = symbol.Value,
            Exchange = symbol.Exchange,
            AssetType = record.AssetType.Trim().ToLowerInvariant(),
            Direction = direction,
            Metadata = metadata,
            MarketCapRank = record.MarketCapRank,
            Volume24h = record.Volume24h,
            Sector = Blank(record.Sector),
            Industry = Blank(record.Industry),
        };
        return null;
    }

    private static Candidate Merge(Candidate first, Candidate next, int index)
    {
        if (!string.Equals(first.AssetType, next.AssetType, StringComparison.Ordinal) || !string.Equals(first.Direction, next.Direction, StringComparison.Ordinal))
        {
            throw new CandidateContractException(
                $"candidate record {index} ('{next.Symbol}') duplicates an earlier record with a different asset_type/direction ({first.AssetType}/{first.Direction} vs {next.AssetType}/{next.Direction})");
        }

        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> kv in next.Metadata)
        {
            metadata[kv.Key] = kv.Value;
        }

        foreach (KeyValuePair<string, string> kv in first.Metadata)
        {
            metadata[kv.Key] = kv.Value;
        }

        return first with
        {
            Metadata = metadata,
            MarketCapRank = first.MarketCapRank ?? next.MarketCapRank,
            Volume24h = first.Volume24h ?? next.Volume24h,
            Sector = first.Sector ?? next.Sector,
            Industry = first.Industry ?? next.Industry,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
